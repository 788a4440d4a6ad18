package org.terrain4j.search.gp;

import java.util.Arrays;

/**
 * The hyperparameters of a Matern 5/2 Gaussian process: the {@link Kernel}'s shape, and its
 * continuous hyperparameters in the unconstrained coordinates
 * the marginal likelihood is maximized in: {@code theta = (log l_1..log l_d, log s^2, log e)}
 * with length scales {@code l_i}, signal variance {@code s^2} and noise variance
 * {@code NOISE_FLOOR + e} (targets are standardized, so the floor is relative to their spread).
 *
 * @param kernel the covariance's shape
 * @param theta the unconstrained vector, {@code d + 2} long
 */
public record GpHyperparameters(Kernel kernel, double[] theta) {

    /** The smallest noise variance, in units of the targets' variance; keeps K positive definite. */
    public static final double NOISE_FLOOR = 1e-6;

    /** Copies. */
    public GpHyperparameters {
        java.util.Objects.requireNonNull(kernel, "kernel");
        if (theta.length < 3) {
            throw new IllegalArgumentException("theta needs d + 2 >= 3 entries, got " + theta.length);
        }
        theta = theta.clone();
    }

    /** The product (ARD) kernel's hyperparameters. */
    public GpHyperparameters(double[] theta) {
        this(Kernel.PRODUCT, theta);
    }

    /** The product kernel with length scales {@code l}, signal variance {@code s2} and noise variance {@code noise}. */
    public static GpHyperparameters of(double[] lengthScales, double signalVariance, double noiseVariance) {
        return of(Kernel.PRODUCT, lengthScales, signalVariance, noiseVariance);
    }

    /** The kernel with length scales {@code l}, signal variance {@code s2} and noise variance {@code noise}. */
    public static GpHyperparameters of(Kernel kernel, double[] lengthScales, double signalVariance,
            double noiseVariance) {
        if (!(noiseVariance > NOISE_FLOOR)) {
            throw new IllegalArgumentException("noiseVariance must exceed " + NOISE_FLOOR + ", got " + noiseVariance);
        }
        double[] theta = new double[lengthScales.length + 2];
        for (int i = 0; i < lengthScales.length; i++) {
            theta[i] = Math.log(lengthScales[i]);
        }
        theta[lengthScales.length] = Math.log(signalVariance);
        theta[lengthScales.length + 1] = Math.log(noiseVariance - NOISE_FLOOR);
        return new GpHyperparameters(kernel, theta);
    }

    /** The number of input coordinates. */
    public int dimension() {
        return theta.length - 2;
    }

    /** Length scale of coordinate {@code i}. */
    public double lengthScale(int i) {
        return Math.exp(theta[i]);
    }

    /** The signal variance {@code s^2}. */
    public double signalVariance() {
        return Math.exp(theta[theta.length - 2]);
    }

    /** The noise variance. */
    public double noiseVariance() {
        return NOISE_FLOOR + Math.exp(theta[theta.length - 1]);
    }

    @Override
    public double[] theta() {
        return theta.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GpHyperparameters h && h.kernel == kernel && Arrays.equals(h.theta, theta);
    }

    @Override
    public int hashCode() {
        return 31 * kernel.hashCode() + Arrays.hashCode(theta);
    }

    @Override
    public String toString() {
        double[] l = new double[dimension()];
        for (int i = 0; i < l.length; i++) {
            l[i] = lengthScale(i);
        }
        return String.format("GpHyperparameters[kernel=%s, lengthScales=%s, signalVariance=%.4g, noiseVariance=%.3g]",
                kernel, Arrays.toString(l), signalVariance(), noiseVariance());
    }
}
