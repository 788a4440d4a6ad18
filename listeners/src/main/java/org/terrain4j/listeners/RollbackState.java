package org.terrain4j.listeners;

import java.util.Map;
import org.terrain4j.stats.TrainingSignals;

/**
 * A rollback snapshot as plain values, saved in {@link ListenerState}. The arrays are the raw
 * float64 values, base64 in JSON (a cast from float32 and back is exact).
 *
 * @param iteration the iteration at whose start it was taken
 * @param smoothedLoss the smoothed loss then
 * @param signals the listener's statistics then
 * @param learningRates the controlled rates then
 * @param parameters the parameters
 * @param updaterState the updater state, or null
 */
public record RollbackState(long iteration, double smoothedLoss, TrainingSignals.State signals,
                            Map<String, Double> learningRates, byte[] parameters, byte[] updaterState) {
}
