package org.terrain4j.listeners;

import java.nio.file.Path;
import java.util.Set;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.terrain4j.control.AveragingOptions;
import org.terrain4j.control.Mode;
import org.terrain4j.control.PlateauOptions;
import org.terrain4j.control.RiseOptions;
import org.terrain4j.control.RollbackPolicy;
import org.terrain4j.control.StationarityOptions;
import org.terrain4j.control.ThresholdMode;
import org.terrain4j.control.TrainingBudget;

/**
 * Builds a {@link TerrainListener}. Every option has a default; {@link #build()} validates them
 * all and names the first bad one.
 *
 * <p>Two rules decide when to decay the learning rate. The default is a statistical test of
 * stationarity ({@link StationarityOptions}, {@link #DEFAULT_STATIONARITY}): decay when training
 * is stationary at the rate's noise floor, keep the rate while it descends or drifts. The other is
 * PyTorch's {@code ReduceLROnPlateau} (see {@link PlateauOptions}): {@link #plateau(PlateauOptions)},
 * or any of its own options ({@link #patience}, {@link #threshold}, {@link #cooldown},
 * {@link #eps}, {@link #mode}) or a validation monitor, chooses it. {@link #factor} and
 * {@link #minLearningRate} apply to whichever rule is chosen.
 *
 * <p>To configure Terrain as a plain {@code ReduceLROnPlateau(factor=0.1, patience=2)} on the
 * validation loss: {@code builder().monitor(validationIterator, ValidationMetric.LOSS)
 * .plateau(PlateauOptions.PYTORCH_DEFAULTS.withPatience(2)).build()}.
 */
public final class TerrainListenerBuilder {

    /**
     * The plateau rule's defaults (Terrain's default rule before the stationarity test), on the
     * epoch-mean training loss, checked each epoch: the rate is
     * cut to 0.3 of itself at the first check that does not improve the loss by 1% (5% while
     * noise-dominated, see {@link #DEFAULT_NOISE_DOMINATED_THRESHOLD}), then left alone for three
     * checks. The epoch-mean loss is smooth enough to act on a single check. On Fashion-MNIST
     * (MLP 784-256-128-10, SGD Nesterov 0.9, batch 128, 20 epochs, seeds 1 to 3) at LR 0.05, a
     * factor of 0.3 reached 0.89 validation accuracy after 11, 7 and 8 epochs with a best of
     * 0.8948, 0.8974 and 0.8967; halving took 12, 7 and 11 epochs for 0.8956, 0.8989 and 0.8976;
     * 0.4 took 12 and 9 epochs. The price is paid at a rate that is already small: at LR 0.01 the
     * best accuracy was 0.8861 and 0.8856 with 0.3, 0.8881 and 0.8882 halving, 0.8874 and 0.8872
     * at the constant rate (measured 2026-12-01, when this rule was the default; docs/BENCHMARKS.md,
     * "Time to accuracy", now measures the stationarity test on the same runs). Halving
     * ({@code factor(0.5)}) is the choice for a rate known to be near its best.
     */
    public static final PlateauOptions DEFAULT_PLATEAU =
            new PlateauOptions(Mode.MIN, 0.3, 0, 1e-2, ThresholdMode.RELATIVE, 3, 0, 1e-8);

    /**
     * While the gradient noise scale says steps are noise-dominated, a check must improve the
     * monitored value by 5% to count: a stall there is the learning rate's noise floor, which
     * only a smaller rate lowers.
     */
    public static final double DEFAULT_NOISE_DOMINATED_THRESHOLD = 0.05;

    /**
     * Terrain's default rule: decay by 0.3 when the stationarity test, at 90% confidence, finds
     * the loss at its noise floor, testing once a rate has run at least 128 iterations (halves of
     * at least 64) and as long as the rate before it, over at most the last 16384 iterations.
     * Chosen on the tuning set of the learning-rate control benchmark (digits: an MLP with SGD
     * Nesterov and a CNN with Adam, 4 starting rates over 100x, seeds 11 and 12), where 90% with
     * 0.3 was never below the constant rate in any cell and 0.0014 above linear decay in the median
     * cell; 95% and 99% decayed too late to save the top rate. docs/BENCHMARKS.md, "Learning rate
     * control", reports it on other data, networks and updaters. The rate decays at the first
     * check that finds the floor ({@code confirmations} 1). Waiting for a second check
     * ({@link #confirmations(int)}) was measured and not made the default: no run of the report set or
     * of the time-to-accuracy benchmark then ended 0.5 points below the constant rate's from the
     * same seed (over all three sets 2 of 102 runs did, against 5 of 102), but the tuning set did not favour it (3 cells
     * better, 4 worse, mean -0.25 points), the report set's mean fell 0.39 points (early decays
     * that paid at the top rates were lost), and on small data, where the training loss keeps
     * falling slowly, a decay that waits may never come (the digits early-stopping example ran to
     * its 100-epoch limit instead of stopping at its minimum rate).
     */
    public static final StationarityOptions DEFAULT_STATIONARITY =
            new StationarityOptions(0.90, 0.3, 0, 64, 1 << 14, true, 1);

    private PlateauOptions plateau = DEFAULT_PLATEAU;
    private StationarityOptions stationarity = DEFAULT_STATIONARITY;
    private double noiseDominatedThreshold = DEFAULT_NOISE_DOMINATED_THRESHOLD;
    private boolean modeSet;
    private Monitor monitor = new Monitor.TrainingLoss();
    private CheckSchedule checks = CheckSchedule.EACH_EPOCH;
    private double smoothing = 0.98;
    private int window = 100;
    private int layerStatisticsPeriod = 100;
    private int noiseScalePeriod = 200;
    private int noiseScaleBatches = 8;
    private double noiseScaleSmoothing = 0.9;
    private double batchAdviceFactor = 10;
    private double explosionFactor = 10;
    private Set<String> controlledLayers = Set.of();
    private boolean stopAtMinimum;
    private Path eventsFile;
    private Path statisticsFile;
    private TrainingBudget budget;
    private int statisticsPeriod = 10;
    private CurvatureOptions curvature;
    private RollbackPolicy rollback;
    private boolean rollbackSet;
    private RiseOptions rise = RiseOptions.DEFAULTS;
    private boolean riseSet;
    private AveragingOptions averaging = AveragingOptions.DEFAULTS;
    private boolean averagingSet;

    TerrainListenerBuilder() {
    }

    /** Chooses the {@code ReduceLROnPlateau} rule with every one of its options at once. */
    public TerrainListenerBuilder plateau(PlateauOptions value) {
        plateau = value;
        stationarity = null;
        modeSet = true;
        return this;
    }

    /** Chooses the stationarity test (the default) with these options. */
    public TerrainListenerBuilder stationarity(StationarityOptions value) {
        if (value == null) {
            throw new IllegalArgumentException("stationarity options are required; plateau(...) chooses the plateau rule");
        }
        stationarity = value;
        return this;
    }

    /** The stationarity test's confidence level, in [0.5, 1) (chooses the stationarity test). */
    public TerrainListenerBuilder confidence(double value) {
        stationarity = (stationarity == null ? DEFAULT_STATIONARITY : stationarity).withConfidence(value);
        return this;
    }

    /**
     * Checks in a row whose stationarity test must find the noise floor before a decay, at least 1
     * (default 1: the first finding decays; 2 keeps a borderline first finding from decaying, at a
     * cost, see {@link #DEFAULT_STATIONARITY}). Chooses the stationarity test.
     */
    public TerrainListenerBuilder confirmations(int value) {
        stationarity = (stationarity == null ? DEFAULT_STATIONARITY : stationarity).withConfirmations(value);
        return this;
    }

    /** Whether the monitored value should fall (MIN) or rise (MAX); chooses the plateau rule. */
    public TerrainListenerBuilder mode(Mode value) {
        plateau = plateau.withMode(value);
        stationarity = null;
        modeSet = true;
        return this;
    }

    /** Multiplier of the learning rate on a decay, in (0, 1), for either rule. */
    public TerrainListenerBuilder factor(double value) {
        plateau = plateau.withFactor(value);
        if (stationarity != null) {
            stationarity = stationarity.withFactor(value);
        }
        return this;
    }

    /** Checks without improvement tolerated before the rate is cut, non-negative; chooses the plateau rule. */
    public TerrainListenerBuilder patience(int value) {
        plateau = plateau.withPatience(value);
        stationarity = null;
        return this;
    }

    /** Least change that counts as improvement, relative or absolute; chooses the plateau rule. */
    public TerrainListenerBuilder threshold(double value, ThresholdMode thresholdMode) {
        plateau = plateau.withThreshold(value, thresholdMode);
        stationarity = null;
        return this;
    }

    /** Checks after a cut during which no plateau is counted, non-negative; chooses the plateau rule. */
    public TerrainListenerBuilder cooldown(int value) {
        plateau = plateau.withCooldown(value);
        stationarity = null;
        return this;
    }

    /** The learning rate is never cut below this, for either rule. */
    public TerrainListenerBuilder minLearningRate(double value) {
        plateau = plateau.withMinLearningRate(value);
        if (stationarity != null) {
            stationarity = stationarity.withMinLearningRate(value);
        }
        return this;
    }

    /** Cuts smaller than this are skipped; chooses the plateau rule. */
    public TerrainListenerBuilder eps(double value) {
        plateau = plateau.withEps(value);
        stationarity = null;
        return this;
    }

    /**
     * The plateau rule's improvement threshold while training is noise-dominated (batch far below
     * the gradient noise scale); 0 turns the gradient's say off, for a plain
     * {@code ReduceLROnPlateau}. The stationarity test ignores it.
     */
    public TerrainListenerBuilder noiseDominatedThreshold(double value) {
        noiseDominatedThreshold = value;
        return this;
    }

    /**
     * Watch a validation metric instead of the training loss; chooses the plateau rule (the
     * stationarity test watches training itself). The mode follows the metric unless set.
     */
    public TerrainListenerBuilder monitor(DataSetIterator validation, ValidationMetric metric) {
        monitor = new Monitor.Validation(validation, metric);
        stationarity = null;
        if (!modeSet) {
            plateau = plateau.withMode(metric.naturalMode());
        }
        return this;
    }

    /** Watch the mean training loss since the previous check (the default). */
    public TerrainListenerBuilder monitorTrainingLoss() {
        monitor = new Monitor.TrainingLoss();
        return this;
    }

    /** When to check the monitored value. */
    public TerrainListenerBuilder checks(CheckSchedule value) {
        checks = value;
        return this;
    }

    /** Beta of the loss and gradient-norm moving averages, in [0, 1). */
    public TerrainListenerBuilder smoothing(double value) {
        smoothing = value;
        return this;
    }

    /** Iterations covered by windowed means and variances, at least 2. */
    public TerrainListenerBuilder window(int value) {
        window = value;
        return this;
    }

    /** Per-layer norms and update ratios every this many iterations. */
    public TerrainListenerBuilder layerStatisticsPeriod(int value) {
        layerStatisticsPeriod = value;
        return this;
    }

    /** A noise-scale measurement over {@code batches} mini-batches every {@code period} iterations. */
    public TerrainListenerBuilder noiseScale(int period, int batches, double smoothingBeta) {
        noiseScalePeriod = period;
        noiseScaleBatches = batches;
        noiseScaleSmoothing = smoothingBeta;
        return this;
    }

    /** How far from the noise scale the batch size may be before advice says so. */
    public TerrainListenerBuilder batchAdviceFactor(double value) {
        batchAdviceFactor = value;
        return this;
    }

    /** The smoothed loss counts as diverging above this many times its best. */
    public TerrainListenerBuilder explosionFactor(double value) {
        explosionFactor = value;
        return this;
    }

    /** Control only these layers' learning rates (names, or indices of a MultiLayerNetwork). */
    public TerrainListenerBuilder layers(String... names) {
        controlledLayers = Set.of(names);
        return this;
    }

    /** Request a stop when the plateau persists with every rate at its minimum. */
    public TerrainListenerBuilder stopAtMinimum(boolean value) {
        stopAtMinimum = value;
        return this;
    }

    /** Append every event to this JSON Lines file. */
    public TerrainListenerBuilder eventsFile(Path file) {
        eventsFile = file;
        return this;
    }

    /**
     * Tell Terrain how long training runs ({@code TrainingBudget.epochs(n)} for
     * {@code fit(iterator, n)}): it controls the rate as usual until the last fifth of the
     * budget, then anneals every controlled rate linearly to 0 (a {@code COOLDOWN} event), and
     * makes no more decisions of its own. A budget in epochs is resolved when the first epoch
     * ends; loops of {@code fit(DataSet)} without epochs need {@code TrainingBudget.iterations(n)}.
     */
    public TerrainListenerBuilder budget(TrainingBudget value) {
        budget = value;
        return this;
    }

    /**
     * Write a CSV row of training statistics every {@code period} iterations (the mean loss and
     * gradient norm, the noise scale, the newest curvature probe, each controlled layer's rate),
     * for {@code terrain report}. Buffered: nothing is written per iteration.
     */
    public TerrainListenerBuilder statisticsFile(Path file, int period) {
        statisticsFile = file;
        statisticsPeriod = period;
        return this;
    }

    /**
     * Write the events and the statistics (a row every 10 iterations) into {@code directory}
     * under {@link RunDirectory}'s names, the directory {@code terrain report} reads. The
     * directory must exist.
     */
    public TerrainListenerBuilder runDirectory(Path directory) {
        RunDirectory run = new RunDirectory(directory);
        eventsFile = run.events();
        statisticsFile = run.statistics();
        return this;
    }

    /**
     * Turn curvature probes on (off by default): SADDLE, MINIMUM and UNSTABLE detection and the
     * stability cap; {@link CurvatureOptions#DEFAULTS} to start with. Divergence rollback comes
     * with them ({@link RollbackPolicy#DEFAULTS}) unless set otherwise.
     */
    public TerrainListenerBuilder curvature(CurvatureOptions value) {
        curvature = value;
        return this;
    }

    /**
     * Turn divergence rollback on, with or without curvature probes ({@link RollbackPolicy#DEFAULTS}:
     * a snapshot every 100 iterations, half the rate after a rollback).
     */
    public TerrainListenerBuilder rollback(RollbackPolicy value) {
        if (value == null) {
            throw new IllegalArgumentException("rollback needs a policy (RollbackPolicy.DEFAULTS to start with); "
                    + "noRollback() turns it off");
        }
        rollback = value;
        rollbackSet = true;
        return this;
    }

    /** No divergence rollback, even with curvature probes. */
    public TerrainListenerBuilder noRollback() {
        rollback = null;
        rollbackSet = true;
        return this;
    }

    /**
     * Trials of a higher learning rate while the starting rate looks too small (on by default,
     * {@link RiseOptions#DEFAULTS}; see {@link org.terrain4j.control.RateRise}). The stationarity
     * test judges them, so the plateau rule has none. Divergence rollback comes with them
     * ({@link RollbackPolicy#DEFAULTS}) unless set otherwise, so that a trial that diverges is undone.
     */
    public TerrainListenerBuilder rise(RiseOptions value) {
        if (value == null) {
            throw new IllegalArgumentException("rise needs options (RiseOptions.DEFAULTS to start with); "
                    + "noRise() turns rises off");
        }
        rise = value;
        riseSet = true;
        return this;
    }

    /** No rate rises: Terrain only ever lowers the learning rate (and caps it, with curvature probes). */
    public TerrainListenerBuilder noRise() {
        rise = null;
        return this;
    }

    /**
     * Tail averaging (on by default with the stationarity test, {@link AveragingOptions#DEFAULTS}; see
     * {@link org.terrain4j.control.AveragingWindow}): after each epoch the network holds the mean
     * of the epoch's iterates (since the rate last changed), unless the loss still fell decisively
     * over them, and gets its last iterate back when the next epoch starts. What is evaluated or
     * saved between epochs, and the network after the last epoch, is the average; training itself
     * is unchanged. Add
     * Terrain before listeners that evaluate at an epoch's end. Costs two copies of the
     * parameters. The plateau rule has none unless set, so that it stays PyTorch's rule.
     */
    public TerrainListenerBuilder averaging(AveragingOptions value) {
        if (value == null) {
            throw new IllegalArgumentException("averaging needs options (AveragingOptions.DEFAULTS to start with); "
                    + "noAveraging() turns it off");
        }
        averaging = value;
        averagingSet = true;
        return this;
    }

    /** No tail averaging: the network always holds its last iterate. */
    public TerrainListenerBuilder noAveraging() {
        averaging = null;
        averagingSet = true;
        return this;
    }

    /** The validated options. */
    public TerrainOptions options() {
        RiseOptions chosenRise = stationarity == null && !riseSet ? null : rise;
        AveragingOptions chosenAveraging = stationarity == null && !averagingSet ? null : averaging;
        return new TerrainOptions(plateau, stationarity, noiseDominatedThreshold, monitor, checks, smoothing, window, layerStatisticsPeriod,
                noiseScalePeriod, noiseScaleBatches, noiseScaleSmoothing, batchAdviceFactor, explosionFactor,
                controlledLayers, stopAtMinimum, eventsFile, statisticsFile, statisticsPeriod, curvature,
                rollbackSet || (curvature == null && chosenRise == null) ? rollback : RollbackPolicy.DEFAULTS,
                budget, chosenRise, chosenAveraging);
    }

    /** A listener with these options. */
    public TerrainListener build() {
        return new TerrainListener(options());
    }
}
