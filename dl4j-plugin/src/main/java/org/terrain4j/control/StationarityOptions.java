package org.terrain4j.control;

/**
 * Terrain's default learning-rate decision: decay only when a statistical test finds training
 * stationary at the rate's noise floor (see {@link StationarityTest}).
 *
 * <p>The one knob that carries meaning is {@code confidence}: the rate is kept while the loss
 * falls significantly at this level, and decayed once it does not. The rest say how far to
 * decay and how much data a test needs.
 *
 * @param confidence level of the one-sided t-test of the loss's slope, in [0.5, 1)
 * @param factor multiplier of the learning rate when training is stationary, in (0, 1)
 * @param minLearningRate the rate is never decayed below this, finite and non-negative
 * @param minSamples iterations the tested half of the window must hold before a test decides,
 *                   at least 16 (4 batches of 4)
 * @param capacity most iterations a test looks at (a bound on memory: one double each), at
 *                 least {@code 2 * minSamples} (the test compares two halves of {@code minSamples}
 *                 each; with less it could never decide)
 * @param growingWindows whether each rate must run at least as long as the one before it did
 *                       before the next test decides (the tests grow more sensitive as descents slow)
 * @param confirmations checks in a row, at one rate, whose test must find the noise floor before
 *                      the rate decays, at least 1 (1: the first finding decays, Terrain's
 *                      default). 2 keeps a borderline first finding (a transient the older half
 *                      still holds) from decaying, since it rarely repeats while a real floor
 *                      does; it also loses decays that pay at high, noisy rates and on small data
 *                      (the listener builder's {@code DEFAULT_STATIONARITY} has the figures)
 */
public record StationarityOptions(double confidence, double factor, double minLearningRate, int minSamples,
                                  int capacity, boolean growingWindows, int confirmations) {

    /** Validates every option, naming it and its value. */
    public StationarityOptions {
        if (!(confidence >= 0.5 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in [0.5, 1), got " + confidence);
        }
        if (!(factor > 0 && factor < 1)) {
            throw new IllegalArgumentException("factor must be in (0, 1), got " + factor);
        }
        if (!(minLearningRate >= 0) || Double.isInfinite(minLearningRate)) {
            throw new IllegalArgumentException(
                    "minLearningRate must be finite and non-negative, got " + minLearningRate);
        }
        if (minSamples < 16) {
            throw new IllegalArgumentException("minSamples must be at least 16, got " + minSamples);
        }
        if (capacity < 2 * minSamples || capacity > 1 << 20) {
            throw new IllegalArgumentException("capacity must be in [2 * minSamples = " + 2 * minSamples
                    + ", 1048576], got " + capacity);
        }
        if (confirmations < 1 || confirmations > 100) {
            throw new IllegalArgumentException("confirmations must be in [1, 100], got " + confirmations);
        }
    }

    /** A copy with another confidence. */
    public StationarityOptions withConfidence(double value) {
        return new StationarityOptions(value, factor, minLearningRate, minSamples, capacity, growingWindows, confirmations);
    }

    /** A copy with another factor. */
    public StationarityOptions withFactor(double value) {
        return new StationarityOptions(confidence, value, minLearningRate, minSamples, capacity, growingWindows, confirmations);
    }

    /** A copy with another minimum learning rate. */
    public StationarityOptions withMinLearningRate(double value) {
        return new StationarityOptions(confidence, factor, value, minSamples, capacity, growingWindows, confirmations);
    }

    /** A copy with another minimum number of tested iterations. */
    public StationarityOptions withMinSamples(int value) {
        return new StationarityOptions(confidence, factor, minLearningRate, value, capacity, growingWindows, confirmations);
    }

    /** A copy that decays after {@code value} checks in a row find the noise floor. */
    public StationarityOptions withConfirmations(int value) {
        return new StationarityOptions(confidence, factor, minLearningRate, minSamples, capacity, growingWindows, value);
    }

    /**
     * The decayed rate: {@code max(rate * factor, minLearningRate)}, or {@code rate} when that is
     * no lower by more than rounding (a rate that reached the minimum through products of factors,
     * 0.010000000000000002, is at 0.01).
     */
    public double reduce(double rate) {
        double reduced = Math.max(rate * factor, minLearningRate);
        return reduced < rate * (1 - 1e-9) ? reduced : rate;
    }
}
