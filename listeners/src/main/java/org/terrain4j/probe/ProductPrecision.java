package org.terrain4j.probe;

/**
 * The floating-point type Hessian-vector products are computed in.
 *
 * <p>Central differences of gradients step {@code eps ~ cbrt(machine_eps)} along the direction.
 * On a float32 ReLU network that step crosses the kinks of many units, so the difference
 * mixes the curvature of neighbouring linear pieces: against the exact Hessian (PyTorch double
 * backpropagation) lambda_min came out 47% to 181% off and single products up to 150% off on
 * ReLU MLPs and a CNN ({@code benchmarks/run curvature}; lambda_max +160% on the network of
 * issue 17). Float64 forward differences step {@code sqrt(machine_eps)}, about 3e5 times
 * smaller than float32's, and agree with double backpropagation to within 1e-6
 * (ExactHessianTest, {@code benchmarks/run curvature}).
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
