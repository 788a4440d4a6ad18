package org.terrain4j.search.gp;

/**
 * A predictive distribution over the unit cube: what an acquisition is maximized over
 * ({@link AcquisitionMaximizer}). A {@link GaussianProcess} is one; a slice of one at a fixed
 * coordinate ({@link FidelitySlice}) is another.
 */
public interface Posterior {

    /** The dimension of the points {@link #predict} takes. */
    int dimension();

    /** Writes the predictive mean and variance at {@code point} into {@code out[0]} and {@code out[1]}. */
    void predict(double[] point, double[] out);

    /**
     * The predictive means and variances at many points, into {@code means[i]} and
     * {@code variances[i]}: what {@link #predict(double[], double[])} writes for each, which is what
     * this default does; a posterior may do it faster.
     */
    default void predict(double[][] points, double[] means, double[] variances) {
        double[] out = new double[2];
        for (int i = 0; i < points.length; i++) {
            predict(points[i], out);
            means[i] = out[0];
            variances[i] = out[1];
        }
    }

    /** The predictive mean at {@code point} alone: what {@link #predict} writes to {@code out[0]}, without the variance's cost. */
    double mean(double[] point);
}
