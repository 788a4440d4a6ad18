package org.terrain4j.listeners;

import java.nio.file.Path;
import java.util.Set;
import org.terrain4j.control.AveragingOptions;
import org.terrain4j.control.PlateauOptions;
import org.terrain4j.control.RiseOptions;
import org.terrain4j.control.RollbackPolicy;
import org.terrain4j.control.StationarityOptions;
import org.terrain4j.control.TrainingBudget;

/**
 * Every setting of a {@link TerrainListener}, validated on construction with messages that
 * name the option and its value. Build it with {@link TerrainListener#builder()}.
 *
 * @param plateau the {@code ReduceLROnPlateau} rule: when the monitored value counts as stalled and
 *                how rates are reduced; used when {@code stationarity} is null
 * @param stationarity the default rule: decay when a statistical test finds training stationary at
 *                     the rate's noise floor (see {@link org.terrain4j.control.StationarityTest}), or
 *                     null for the plateau rule
 * @param noiseDominatedThreshold the improvement threshold (in the plateau's threshold mode) used
 *                                instead of a smaller configured one while the batch size is far
 *                                below the gradient noise scale; 0 keeps the plain
 *                                {@code ReduceLROnPlateau} behaviour
 * @param monitor what the plateau detector watches
 * @param checks when the monitored value is checked
 * @param smoothing beta of the loss and gradient-norm moving averages, in [0, 1)
 * @param window iterations covered by the windowed mean and variance, at least 2
 * @param layerStatisticsPeriod per-layer norms and update ratios every this many iterations, positive
 * @param noiseScalePeriod a gradient-noise-scale measurement starts every this many iterations, positive
 * @param noiseScaleBatches mini-batches per measurement, at least 2 and at most the period
 * @param noiseScaleSmoothing beta of the noise-scale estimates, in [0, 1)
 * @param batchAdviceFactor how far (a factor) the batch size may be from the noise scale before
 *                          it counts as far, greater than 1
 * @param explosionFactor the smoothed loss counts as diverging above this many times its best,
 *                        greater than 1
 * @param controlledLayers layers whose learning rate is controlled; empty for all
 * @param stopAtMinimum whether to request a stop when the plateau persists at the minimum rate
 * @param eventsFile JSON Lines file events are appended to, or null for none
 * @param statisticsFile CSV file of training statistics for reports (see {@link RunDirectory}), or null for none
 * @param statisticsPeriod iterations each row of the statistics file summarizes, positive
 * @param curvature curvature probes and their actions, or null for none (the default for now)
 * @param rollback divergence rollback, or null for none (the builder turns it on with curvature probes)
 * @param budget how long training runs, for a cooldown at its end ({@link TrainingBudget}), or null when unknown
 * @param rise trials of a higher learning rate while the starting rate looks too small (see
 *             {@link org.terrain4j.control.RateRise}), or null for none; only with the stationarity test
 * @param averaging tail averaging of the iterates between epochs (see
 *                  {@link org.terrain4j.control.AveragingWindow}), or null for none
 */
public record TerrainOptions(PlateauOptions plateau, StationarityOptions stationarity, double noiseDominatedThreshold, Monitor monitor, CheckSchedule checks, double smoothing,
                             int window, int layerStatisticsPeriod, int noiseScalePeriod, int noiseScaleBatches,
                             double noiseScaleSmoothing, double batchAdviceFactor, double explosionFactor,
                             Set<String> controlledLayers, boolean stopAtMinimum, Path eventsFile,
                             Path statisticsFile, int statisticsPeriod, CurvatureOptions curvature, RollbackPolicy rollback, TrainingBudget budget,
                             RiseOptions rise, AveragingOptions averaging) {

    /** Whether the default stationarity test decides decays (otherwise the plateau rule does). */
    public boolean usesStationarityTest() {
        return stationarity != null;
    }

    /** Validates every option. */
    public TerrainOptions {
        require(plateau != null, "plateau options are required");
        require(noiseDominatedThreshold >= 0 && noiseDominatedThreshold < Double.POSITIVE_INFINITY,
                "noiseDominatedThreshold must be finite and non-negative, got " + noiseDominatedThreshold);
        require(monitor != null, "monitor is required");
        require(stationarity == null || monitor instanceof Monitor.TrainingLoss, "the stationarity test watches "
                + "training itself; a validation monitor needs the plateau rule (builder().plateau(...))");
        require(checks != null, "checks are required");
        require(smoothing >= 0 && smoothing < 1, "smoothing must be in [0, 1), got " + smoothing);
        require(window >= 2, "window must be at least 2, got " + window);
        require(layerStatisticsPeriod > 0, "layerStatisticsPeriod must be positive, got " + layerStatisticsPeriod);
        require(noiseScalePeriod > 0, "noiseScalePeriod must be positive, got " + noiseScalePeriod);
        require(noiseScaleBatches >= 2 && noiseScaleBatches <= noiseScalePeriod, "noiseScaleBatches must be in [2, "
                + "noiseScalePeriod = " + noiseScalePeriod + "], got " + noiseScaleBatches);
        require(noiseScaleSmoothing >= 0 && noiseScaleSmoothing < 1,
                "noiseScaleSmoothing must be in [0, 1), got " + noiseScaleSmoothing);
        require(batchAdviceFactor > 1 && batchAdviceFactor < Double.POSITIVE_INFINITY,
                "batchAdviceFactor must be finite and greater than 1, got " + batchAdviceFactor);
        require(explosionFactor > 1 && explosionFactor < Double.POSITIVE_INFINITY,
                "explosionFactor must be finite and greater than 1, got " + explosionFactor);
        require(statisticsPeriod > 0, "statisticsPeriod must be positive, got " + statisticsPeriod);
        require(rise == null || stationarity != null, "rate rises are judged by the stationarity test; "
                + "the plateau rule has none (builder().noRise())");
        controlledLayers = Set.copyOf(controlledLayers);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
