package org.terrain4j.curvature;

/**
 * The floating-point type Hessian-vector products are computed in.
 *
 * <p>Central differences of gradients step {@code eps ~ cbrt(machine_eps)} along the direction.
 * On a float32 ReLU network that step crosses the kinks of many units, so the difference
 * mixes the curvature of neighbouring linear pieces: against the exact Hessian (PyTorch double
 * backpropagation) lambda_max came out +60% to +160% and lambda_min several times too negative.
 * In float64 the step is about 3e5 times smaller and the products agree with double
 * backpropagation to about 1e-6 (ExactHessianTest, {@code benchmarks/run curvature}).
 */
public enum ProductPrecision {

    /**
     * Products in float64: on a float64 network itself; on a float32 (or float16) network on a
     * float64 shadow of it, made once and refreshed in place before each probe. The network that
     * trains is never touched by a probe. Costs a float64 copy of the parameters and float64
     * arithmetic during probes.
     */
    FLOAT64,

    /**
     * Products in the network's own data type, on the network itself (restored bitwise after the
     * probe): no second copy of the network, but inaccurate on float32 networks with ReLU-family
     * activations. Accurate on smooth activations (tanh: about 1e-4) and on float64 networks.
     */
    NETWORK
}
