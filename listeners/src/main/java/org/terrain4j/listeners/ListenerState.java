package org.terrain4j.listeners;

import java.util.Map;
import org.terrain4j.control.PlateauDetector;
import org.terrain4j.control.RateRise;
import org.terrain4j.control.StationarityTest;
import org.terrain4j.control.StationarityVerdict;
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
 * @param stationarity the stationarity test's iterations, or null under the plateau rule
 * @param testedRates the controlled rates the stationarity test's iterations ran at (null before training)
 * @param lastVerdict the stationarity test's last verdict
 * @param checks checks made so far, under either rule
 * @param curvature the curvature side's state, or null without curvature probes (and in version 2)
 * @param rollback the rollback snapshot, or null (none yet, rollback off, or version 2)
 * @param rateBefore the first controlled rate at the last healthy iteration (NaN before one, and in version 2)
 * @param rise where the rate-rise trials are, or null (rises off, or versions before 4)
 * @param averaging where tail averaging is, or null (averaging off, or versions before 6)
 */
public record ListenerState(int version, TrainingSignals.State signals, PlateauDetector.State plateau,
                            GradientNoiseScale.State noiseScale, Terrain terrain, boolean diverging,
                            BatchSizeAdvice batchSizeAdvice, boolean epochsSeen, boolean stopRequested,
                            StationarityTest.State stationarity, Map<String, Double> testedRates,
                            StationarityVerdict.Kind lastVerdict, long checks, CurvatureState curvature,
                            RollbackState rollback, double rateBefore, RateRise.State rise,
                            AveragingState averaging) {

    /**
     * The format version this code writes (8: the trend from one epoch to the next that a decay's
     * level is judged against, in the stationarity test's state; 7: the stationarity test's findings of the noise floor in a
     * row; 6: tail averaging's window and arrays; 5: the loss level the last decay was decided at, in the
     * stationarity test's state; 4: the rate-rise trials; 3: the curvature side's and the rollback's
     * state). It also reads 2 to 7: a version 7 run compares its next level with the last decay's plainly; a version 6 run counts its findings of the floor from its next check on; a version 5 run averages from its next whole epoch on; a version 4 run continues as if its last rate change were no
     * decay; 2 and 3 continue with their rises ended (a run from before rises existed has had its
     * chance to try one).
     */
    public static final int VERSION = 8;

    /** The oldest version this code reads (2: the stationarity test's state, no curvature side). */
    public static final int OLDEST_READABLE = 2;
}
