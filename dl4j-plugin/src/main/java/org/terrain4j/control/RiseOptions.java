package org.terrain4j.control;

/**
 * How Terrain tries a higher learning rate when the starting rate is too small (see {@link RateRise}).
 *
 * @param factor multiplier of the rate for one trial, in (1, 10]
 * @param maxRise the kept rises together never take the rate above this many times the starting
 *                rate, at least {@code factor} and at most 1000
 * @param noiseScaleBelow a trial starts only while the gradient noise scale is below this many
 *                        times the batch size ({@code B_noise / B}), in [1, 1000]: far below the
 *                        noise scale, steps are noise-dominated and a larger rate mostly adds
 *                        noise (McCandlish et al. 2018: the best rate falls as {@code B / B_noise})
 */
public record RiseOptions(double factor, double maxRise, double noiseScaleBelow) {

    /**
     * Trials at three times the rate, at most 27 times the starting rate in all (three kept
     * rises), while the batch is within 10 times the noise scale (the listener's own
     * "far below", {@code batchAdviceFactor}). Chosen on the tuning set of the learning-rate
     * control benchmark (docs/BENCHMARKS.md, "Learning rate control", digits): with a CNN and
     * Adam, a starting rate of 1e-4 (ten times below the best) ended at 0.957 validation accuracy
     * against 0.761 at the constant rate, and 3e-4 at 0.955 against 0.923. Factor 2 rose too
     * little (0.842 at 1e-4). Without the noise gate, trials at the MLP's top rate (0.3 with
     * Nesterov momentum, whose gradient was lost in its noise) wrecked two of three runs even
     * though both trials were given up; the too-small rates there had noise scales of 0.6 to 12
     * times the batch, the good and high rates above 24 or a gradient lost in its noise.
     */
    public static final RiseOptions DEFAULTS = new RiseOptions(3, 27, 10);

    /** Validates every option, naming it and its value. */
    public RiseOptions {
        if (!(factor > 1 && factor <= 10)) {
            throw new IllegalArgumentException("rise factor must be in (1, 10], got " + factor);
        }
        if (!(maxRise >= factor && maxRise <= 1000)) {
            throw new IllegalArgumentException("maxRise must be in [factor = " + factor + ", 1000], got " + maxRise);
        }
        if (!(noiseScaleBelow >= 1 && noiseScaleBelow <= 1000)) {
            throw new IllegalArgumentException("noiseScaleBelow must be in [1, 1000], got " + noiseScaleBelow);
        }
    }
}
