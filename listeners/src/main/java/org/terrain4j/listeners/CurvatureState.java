package org.terrain4j.listeners;

import org.terrain4j.terrain.CurvatureSnapshot;

/**
 * What a {@link TerrainListener}'s curvature side has learned, saved in {@link ListenerState}: the
 * peak gradient norm, the last probe and when it ran, the probe budget spent, the losses the
 * {@link org.terrain4j.control.InstabilityTest} reads, the rollback snapshot. Not kept: the previous probe's batch (a NaN batch right after
 * a resume makes that probe inconclusive) and the last lambda_min vector.
 *
 * @param peakGradientNorm the largest smoothed gradient norm so far
 * @param lastProbe the iteration of the last scheduled probe, -1 before any
 * @param probes probes run so far (each draws its vectors from the seed and its number)
 * @param requested whether a probe was asked for
 * @param probeMillis milliseconds spent probing
 * @param elapsedMillis milliseconds since the control started, for the time budget
 * @param last the last probe's result, or null
 * @param recentLosses the losses since the rate was last capped or rolled back, oldest first
 * @param probeBatch the last probe's batch, or null
 */
public record CurvatureState(double peakGradientNorm, long lastProbe, long probes, boolean requested,
                             long probeMillis, long elapsedMillis, CurvatureSnapshot last, double[] recentLosses,
                             Batch probeBatch) {

    /**
     * A probe batch as raw float64 values.
     *
     * @param features the features, 'c' order
     * @param featureShape their shape
     * @param labels the labels, 'c' order
     * @param labelShape their shape
     */
    public record Batch(byte[] features, long[] featureShape, byte[] labels, long[] labelShape) {
    }
}
