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

    /** The predictive mean at {@code point} alone: what {@link #predict} writes to {@code out[0]}, without the variance's cost. */
    double mean(double[] point);
}
