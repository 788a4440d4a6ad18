package org.terrain4j.listeners;

import org.terrain4j.control.AveragingVerdict;
import org.terrain4j.control.AveragingWindow;

/**
 * Tail averaging as plain values, saved in {@link ListenerState}: a run resumed from a checkpoint
 * (taken mid-epoch, or between epochs while the network holds the average) continues exactly.
 * The arrays are raw float64 values, as in {@link RollbackState}.
 *
 * @param window the averaging window
 * @param samples parameter vectors summed so far in this window
 * @param averagedRate the first controlled rate of those samples (NaN before one)
 * @param holding whether the network holds the average (between an epoch's end and the next start)
 * @param sum the sum of the samples, or the average while holding; null when neither exists
 * @param lastIterate the last iterate kept aside while holding, else null
 * @param lastReported the last averaging decision reported
 */
public record AveragingState(AveragingWindow.State window, int samples, double averagedRate, boolean holding,
                             byte[] sum, byte[] lastIterate, AveragingVerdict.Kind lastReported) {
}
