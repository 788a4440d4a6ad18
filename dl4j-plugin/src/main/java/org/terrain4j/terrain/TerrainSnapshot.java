package org.terrain4j.terrain;

/**
 * What the statistics say at one check, as plain numbers: the input of
 * {@link TerrainClassifier} and the evidence attached to events.
 *
 * @param iteration the network's iteration count
 * @param epoch the network's epoch count
 * @param loss the last mini-batch loss
 * @param smoothedLoss bias-corrected moving average of the mini-batch loss
 * @param bestSmoothedLoss lowest smoothed loss so far
 * @param gradientNorm L2 norm of the last mini-batch gradient
 * @param smoothedGradientNorm moving average of the gradient norm
 * @param monitored the value the plateau detector watches (the mean training loss since the last check, or a
 *                  validation metric); NaN when this snapshot is not taken at a check
 * @param badChecks checks in a row without improvement of the monitored value
 * @param plateau whether the plateau detector's patience ran out at this check
 * @param noiseScale the gradient noise scale {@code B_simple}, NaN while unknown
 * @param batchSize the current mini-batch size
 */
public record TerrainSnapshot(long iteration, long epoch, double loss, double smoothedLoss,
                              double bestSmoothedLoss, double gradientNorm,
                              double smoothedGradientNorm, double monitored, int badChecks,
                              boolean plateau, double noiseScale, int batchSize) {
}
