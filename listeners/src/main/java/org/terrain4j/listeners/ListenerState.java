package org.terrain4j.listeners;

import org.terrain4j.control.PlateauDetector;
import org.terrain4j.stats.BatchSizeAdvice;
import org.terrain4j.stats.GradientNoiseScale;
import org.terrain4j.stats.TrainingSignals;
import org.terrain4j.terrain.Terrain;

/**
 * Everything a {@link TerrainListener} has learned during a run, as plain values: saved with a
 * model checkpoint ({@link TerrainCheckpoint}) and restored into a listener with the same
 * options, it continues with the same control. The learning-rate history itself lives in the
 * network's configuration (as {@code ScaledSchedule}s) and is saved with the model.
 *
 * @param version format version of this record
 * @param signals loss and gradient statistics
 * @param plateau plateau-detector counters
 * @param noiseScale gradient-noise-scale averages
 * @param terrain the terrain at the last check
 * @param diverging whether the last iteration looked divergent
 * @param batchSizeAdvice the last batch-size advice
 * @param epochsSeen whether an epoch of fit(iterator) has started
 * @param stopRequested whether a stop was requested
 */
public record ListenerState(int version, TrainingSignals.State signals, PlateauDetector.State plateau,
                            GradientNoiseScale.State noiseScale, Terrain terrain, boolean diverging,
                            BatchSizeAdvice batchSizeAdvice, boolean epochsSeen, boolean stopRequested) {

    /** The format version this code writes and reads. */
    public static final int VERSION = 1;
}
