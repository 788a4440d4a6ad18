package org.terrain4j.control;

/**
 * How coherent the mini-batch gradients of a stretch of iterations were: from their mean
 * squared norm and the squared norm of their mean, the estimator of McCandlish et al. (2018,
 * Appendix A.1) gives the gradient's squared norm {@code |G|^2} and the noise {@code tr(Sigma)/B}
 * of one mini-batch, and their ratio is the gradient noise scale over the batch size,
 * {@code B_noise / B}. Below 1 the gradient is coherent (a flat start, a saddle region): a smaller
 * rate, which acts like a larger batch, only slows progress. Above 1 steps are noise-dominated:
 * a smaller rate averages the noise away, which is what a decay at the noise floor does.
 *
 * @param iterations mini-batch gradients summed, at least 2
 * @param meanSquaredNorm mean over the iterations of each mean mini-batch gradient's squared norm
 * @param squaredNormOfMean squared norm of the mean of the iterations' mean mini-batch gradients
 */
public record GradientCoherence(long iterations, double meanSquaredNorm, double squaredNormOfMean) {

    /** Validates the values, naming the bad one. */
    public GradientCoherence {
        if (iterations < 2) {
            throw new IllegalArgumentException("iterations must be at least 2, got " + iterations);
        }
        if (!(meanSquaredNorm >= 0) || !(squaredNormOfMean >= 0)) {
            throw new IllegalArgumentException("squared norms must be non-negative, got " + meanSquaredNorm
                    + " and " + squaredNormOfMean);
        }
    }

    /** Unbiased estimate of {@code |G|^2}, the true gradient's squared norm (may come out negative). */
    public double signal() {
        return (iterations * squaredNormOfMean - meanSquaredNorm) / (iterations - 1);
    }

    /** Unbiased estimate of {@code tr(Sigma) / B}, one mini-batch gradient's noise. */
    public double noise() {
        return (meanSquaredNorm - squaredNormOfMean) * iterations / (iterations - 1);
    }
}
