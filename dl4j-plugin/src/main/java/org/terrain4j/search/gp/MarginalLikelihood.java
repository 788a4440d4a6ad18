package org.terrain4j.search.gp;

import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.RealMatrix;

/**
 * The objective the hyperparameters maximize: the log marginal likelihood of the standardized
 * targets plus weak log priors (maximum a posteriori, as BoTorch does): length scales
 * {@code Gamma(3, 6)} (mode 1/3 of the unit cube), signal variance {@code Gamma(2, 0.15)},
 * noise variance {@code Gamma(1.1, 0.05)}. The priors keep the optimum finite when the data
 * cannot pin a length scale down (a coordinate that does not matter, or few points).
 */
public final class MarginalLikelihood {

    private static final double LENGTH_SHAPE = 3;
    private static final double LENGTH_RATE = 6;
    private static final double SIGNAL_SHAPE = 2;
    private static final double SIGNAL_RATE = 0.15;
    private static final double NOISE_SHAPE = 1.1;
    private static final double NOISE_RATE = 0.05;
    private static final double LOG_2PI = Math.log(2 * Math.PI);

    private final double[][] x;
    private final double[] y;
    private final Kernel kernel;

    /** The objective of the product kernel for points {@code x} (in [0,1]^d) and standardized targets {@code y}. */
    public MarginalLikelihood(double[][] x, double[] y) {
        this(x, y, Kernel.PRODUCT);
    }

    /** The objective of {@code kernel} for points {@code x} (in [0,1]^d) and standardized targets {@code y}. */
    public MarginalLikelihood(double[][] x, double[] y, Kernel kernel) {
        if (x.length == 0 || x.length != y.length) {
            throw new IllegalArgumentException("need n >= 1 points and as many targets, got " + x.length
                    + " and " + y.length);
        }
        this.x = x;
        this.y = y;
        this.kernel = java.util.Objects.requireNonNull(kernel, "kernel");
    }

    /** The number of input coordinates. */
    public int dimension() {
        return x[0].length;
    }

    /** The kernel whose hyperparameters this objective scores. */
    public Kernel kernel() {
        return kernel;
    }

    /** Log marginal likelihood plus log prior at {@code theta}; {@code -Infinity} when K is not positive definite. */
    public double value(double[] theta) {
        return value(theta, factor(theta));
    }

    /**
     * The Cholesky factor of the covariance at {@code theta}, which {@link #value(double[], CholeskyDecomposition)}
     * and {@link #valueAndGradient(double[], CholeskyDecomposition, double[])} take; null when K is not positive
     * definite. A caller that asks for both at the same {@code theta} factors once.
     */
    CholeskyDecomposition factor(double[] theta) {
        try {
            return GaussianProcess.factor(x, new GpHyperparameters(kernel, theta));
        } catch (IllegalStateException notPositiveDefinite) {
            return null;
        }
    }

    /** {@link #value(double[])} given {@link #factor}{@code (theta)}. */
    double value(double[] theta, CholeskyDecomposition cholesky) {
        if (cholesky == null) {
            return Double.NEGATIVE_INFINITY;
        }
        double[] alpha = cholesky.getSolver().solve(new ArrayRealVector(y, false)).toArray();
        RealMatrix lTransposed = cholesky.getLT();
        double value = -0.5 * y.length * LOG_2PI;
        for (int a = 0; a < y.length; a++) {
            value += -0.5 * y[a] * alpha[a] - Math.log(lTransposed.getEntry(a, a));
        }
        return value + logPrior(theta, null);
    }

    /**
     * The objective and its gradient: writes the gradient into {@code gradient} ({@code d + 2}
     * long) and returns the value; {@code -Infinity} and a zero gradient when K is not positive definite.
     */
    public double valueAndGradient(double[] theta, double[] gradient) {
        return valueAndGradient(theta, factor(theta), gradient);
    }

    /** {@link #valueAndGradient(double[], double[])} given {@link #factor}{@code (theta)}. */
    double valueAndGradient(double[] theta, CholeskyDecomposition cholesky, double[] gradient) {
        if (cholesky == null) {
            java.util.Arrays.fill(gradient, 0);
            return Double.NEGATIVE_INFINITY;
        }
        GaussianProcess gp = GaussianProcess.condition(x, y, new GpHyperparameters(kernel, theta), cholesky);
        double[] g = gp.logMarginalLikelihoodGradient();
        double prior = logPrior(theta, g);
        System.arraycopy(g, 0, gradient, 0, g.length);
        return gp.logMarginalLikelihood() + prior;
    }

    /** The log prior density in theta's natural parameters; adds its gradient to {@code gradient} when given. */
    static double logPrior(double[] theta, double[] gradient) {
        int d = theta.length - 2;
        double value = 0;
        for (int i = 0; i < d; i++) {
            value += gammaLogDensity(theta[i], LENGTH_SHAPE, LENGTH_RATE, gradient, i);
        }
        value += gammaLogDensity(theta[d], SIGNAL_SHAPE, SIGNAL_RATE, gradient, d);
        double excess = Math.exp(theta[d + 1]);
        double noise = GpHyperparameters.NOISE_FLOOR + excess;
        value += (NOISE_SHAPE - 1) * Math.log(noise) - NOISE_RATE * noise;
        if (gradient != null) {
            gradient[d + 1] += ((NOISE_SHAPE - 1) / noise - NOISE_RATE) * excess;
        }
        return value;
    }

    /** {@code (shape - 1) log v - rate v} at {@code v = exp(logV)}, unnormalized. */
    private static double gammaLogDensity(double logV, double shape, double rate, double[] gradient, int index) {
        double v = Math.exp(logV);
        if (gradient != null) {
            gradient[index] += (shape - 1) - rate * v;
        }
        return (shape - 1) * logV - rate * v;
    }
}
