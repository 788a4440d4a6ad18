package org.terrain4j.stats;

/**
 * The simple gradient noise scale {@code B_simple = tr(Sigma) / |G|^2} of McCandlish, Kaplan,
 * Amodei et al., "An Empirical Model of Large-Batch Training" (2018): the batch size beyond
 * which larger batches stop paying off. Estimated as in their Appendix A.1 from squared
 * gradient norms at two batch sizes, {@code B_small} (one mini-batch) and {@code B_big}
 * ({@code k} mini-batches averaged):
 *
 * <pre>
 *   |G|^2    ~ (B_big |G_big|^2 - B_small |G_small|^2) / (B_big - B_small)
 *   tr(Sigma) ~ (|G_small|^2 - |G_big|^2) / (1 / B_small - 1 / B_big)
 * </pre>
 *
 * Both estimates are unbiased but noisy, so each is smoothed by its own moving average and
 * the ratio is taken of the averages, as the paper recommends.
 */
public final class GradientNoiseScale {

    private final ExponentialMovingAverage squaredGradient;
    private final ExponentialMovingAverage trace;

    /** @param beta smoothing of the two estimates, in [0, 1) */
    public GradientNoiseScale(double beta) {
        squaredGradient = new ExponentialMovingAverage(beta);
        trace = new ExponentialMovingAverage(beta);
    }

    /**
     * Adds one measurement.
     *
     * @param smallSquaredNorm mean over the k mini-batches of each one's squared gradient norm
     * @param bigSquaredNorm squared norm of the mean of the k mini-batch gradients
     * @param batchSize samples per mini-batch ({@code B_small})
     * @param batches mini-batches averaged, k at least 2 ({@code B_big = k * B_small})
     */
    public void add(double smallSquaredNorm, double bigSquaredNorm, int batchSize, int batches) {
        if (batches < 2 || batchSize < 1) {
            throw new IllegalArgumentException("need at least 2 batches of at least 1 sample, got "
                    + batches + " batches of " + batchSize);
        }
        if (!Double.isFinite(smallSquaredNorm) || !Double.isFinite(bigSquaredNorm)) {
            return;
        }
        double small = batchSize;
        double big = (double) batchSize * batches;
        squaredGradient.add((big * bigSquaredNorm - small * smallSquaredNorm) / (big - small));
        trace.add((smallSquaredNorm - bigSquaredNorm) / (1 / small - 1 / big));
    }

    /** Smoothed estimate of {@code |G|^2}, NaN before the first measurement. */
    public double squaredGradientNorm() {
        return squaredGradient.value();
    }

    /** Smoothed estimate of {@code tr(Sigma)}, NaN before the first measurement. */
    public double traceOfCovariance() {
        return trace.value();
    }

    /**
     * {@code B_simple}, or NaN while unknown: before any measurement, or while the smoothed
     * {@code |G|^2} is not positive (noise swamps the signal; the batch is then certainly far
     * below the noise scale, see {@link BatchSizeAdvice}).
     */
    public double value() {
        double g2 = squaredGradientNorm();
        return g2 > 0 ? traceOfCovariance() / g2 : Double.NaN;
    }

    /** Number of measurements taken. */
    public long measurements() {
        return trace.count();
    }

    /** The two averages' states, for checkpoints. */
    public State state() {
        return new State(squaredGradient.state(), trace.state());
    }

    /** Restores a state taken by {@link #state()}. */
    public void restore(State state) {
        squaredGradient.restore(state.squaredGradient());
        trace.restore(state.trace());
    }

    /**
     * @param squaredGradient average of the {@code |G|^2} estimates
     * @param trace average of the {@code tr(Sigma)} estimates
     */
    public record State(ExponentialMovingAverage.State squaredGradient, ExponentialMovingAverage.State trace) {
    }
}
