package org.terrain4j.stats;

/**
 * How the mini-batch size compares with the gradient noise scale {@code B_simple}. Near
 * {@code B_simple} training is most efficient per sample and per step together; far below it
 * steps are noise-dominated (a larger batch or smaller learning rate helps), far above it
 * samples are wasted on a gradient that is already precise.
 */
public enum BatchSizeAdvice {
    /** No estimate yet. */
    UNKNOWN,
    /** The batch is smaller than {@code B_simple / factor}: steps are mostly noise. */
    FAR_BELOW,
    /** The batch is within a factor of {@code B_simple}. */
    WITHIN,
    /** The batch is larger than {@code B_simple * factor}: samples are wasted. */
    FAR_ABOVE;

    /**
     * Compares a batch size with a noise-scale estimate.
     *
     * @param batchSize the mini-batch size
     * @param noiseScale {@code B_simple}; NaN when unknown
     * @param squaredGradientNorm the smoothed {@code |G|^2}; a non-positive value with a known
     *                            trace means noise dominates entirely
     * @param factor how far counts as far, greater than 1 (e.g. 10)
     */
    public static BatchSizeAdvice of(int batchSize, double noiseScale, double squaredGradientNorm,
                                     double factor) {
        if (Double.isNaN(noiseScale)) {
            return squaredGradientNorm <= 0 ? FAR_BELOW : UNKNOWN;
        }
        if (batchSize * factor < noiseScale) {
            return FAR_BELOW;
        }
        if (batchSize > noiseScale * factor) {
            return FAR_ABOVE;
        }
        return WITHIN;
    }
}
