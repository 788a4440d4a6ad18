package org.terrain4j.listeners;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.terrain4j.control.Action;
import org.terrain4j.control.AveragingVerdict;
import org.terrain4j.control.AveragingWindow;
import org.terrain4j.control.PlateauDetector;
import org.terrain4j.control.PlateauPolicy;
import org.terrain4j.control.RateRise;
import org.terrain4j.control.StationarityVerdict;
import org.terrain4j.control.TrainingBudget;
import org.terrain4j.stats.BatchSizeAdvice;
import org.terrain4j.stats.GradientNoiseScale;
import org.terrain4j.stats.SignalSummary;
import org.terrain4j.stats.TrainingSignals;
import org.terrain4j.terrain.Classification;
import org.terrain4j.terrain.CurvatureSnapshot;
import org.terrain4j.terrain.Terrain;
import org.terrain4j.terrain.TerrainClassifier;
import org.terrain4j.terrain.TerrainSnapshot;

/**
 * Watches training and controls the learning rate by the terrain:
 * {@code net.addListeners(new TerrainListener())} on a {@link MultiLayerNetwork} or
 * {@link ComputationGraph}.
 *
 * <p>Every iteration it reads the gradient's L2 norm (one BLAS dot product over DL4J's gradient
 * view, no copy; see {@link FlatVectors}) and the loss, and accumulates moving averages and
 * windowed moments. At each check (by default each epoch end) it asks the stationarity test
 * ({@link org.terrain4j.control.StationarityTest}; or, configured so, a plateau detector with
 * PyTorch's {@code ReduceLROnPlateau} semantics), names the terrain and, at the rate's noise
 * floor, scales the learning rate on top of the configured schedule. A NaN or infinite loss is reported as
 * DIVERGING, never thrown. Every detection and action is a {@link TerrainEvent}.
 *
 * <p>With tail averaging on (the default with the stationarity test), between an epoch's end and
 * the next epoch's start the network holds the mean of the epoch's last iterates
 * ({@link org.terrain4j.control.AveragingWindow}); add this listener before listeners that
 * evaluate at an epoch's end.
 *
 * <p>One listener serves one network; use {@link #builder()} for every option, and
 * {@link #state()}/{@link #restore(ListenerState)} (or {@link TerrainCheckpoint}) to resume.
 */
public final class TerrainListener extends BaseTrainingListener {


    private final TerrainOptions options;
    private final TrainingSignals signals;
    private final PlateauDetector detector;
    private final PlateauPolicy policy;
    private final StationarityControl stationarity;
    private final RateRise rise;
    private final TerrainClassifier classifier;
    private final GradientNoiseSampler noise;
    private final EventLog events;
    private final StatisticsLog statistics;
    private final CurvatureControl curvature;
    private final RollbackGuard guard;
    private final AveragingWindow averaging;
    private final IterateAverage average = new IterateAverage();
    /** The first controlled rate of the averaged iterates; NaN before the window's first sample. */
    private double averagedRate = Double.NaN;
    private AveragingVerdict.Kind lastAveraging = AveragingVerdict.Kind.NONE;
    private final ListenerHost host = new ListenerHost();
    private long hostIteration;
    private long hostEpoch;
    private Model model;
    private NetworkLearningRates rates;
    private LayerStatistics layerStatistics;
    private Terrain terrain = Terrain.DESCENDING;
    private BatchSizeAdvice advice = BatchSizeAdvice.UNKNOWN;
    private long noiseMeasurementsSeen;
    private boolean diverging;
    private boolean epochsSeen;
    private boolean stopRequested;
    /** The budget's cooldown, {@code [start, end]} in iterations, once known; null before. */
    private long[] cooldown;
    private boolean cooling;
    private long epochStartIteration = -1;
    private long checks;

    /** A listener with Terrain's defaults (see {@link TerrainListenerBuilder}). */
    public TerrainListener() {
        this(builder().options());
    }

    /** A listener with the given options. */
    public TerrainListener(TerrainOptions options) {
        this.options = options;
        this.signals = new TrainingSignals(options.smoothing(), options.window());
        this.detector = new PlateauDetector(options.plateau());
        this.policy = options.usesStationarityTest()
                ? new PlateauPolicy(options.stationarity(), options.stopAtMinimum())
                : new PlateauPolicy(options.plateau(), options.stopAtMinimum());
        this.stationarity = options.usesStationarityTest() ? new StationarityControl(options.stationarity()) : null;
        this.rise = options.rise() == null ? null : new RateRise(options.rise());
        this.classifier = new TerrainClassifier(options.explosionFactor());
        this.noise = new GradientNoiseSampler(options.noiseScalePeriod(), options.noiseScaleBatches(),
                options.noiseScaleSmoothing());
        this.events = new EventLog(options.eventsFile());
        this.statistics = new StatisticsLog(options.statisticsFile(), options.statisticsPeriod());
        statistics.requireDirectory();
        this.curvature = options.curvature() == null ? null
                : new CurvatureControl(options.curvature(), signals);
        this.guard = new RollbackGuard(options.rollback(), signals);
        this.averaging = options.averaging() == null ? null : new AveragingWindow(options.averaging());
        events.open();
    }

    /** A builder starting from Terrain's defaults. */
    public static TerrainListenerBuilder builder() {
        return new TerrainListenerBuilder();
    }

    @Override
    public void onEpochStart(Model model) {
        bind(model);
        epochsSeen = true;
        epochStartIteration = NetworkCounters.iteration(model);
        if (averaging != null) {
            average.resume(model);
            averaging.startEpoch(epochStartIteration);
            restartAverage();
        }
    }

    @Override
    public void onGradientCalculation(Model model) {
        bind(model);
        // DL4J's gradient view holds the sum over the mini-batch; its updater divides by the batch
        // size later (when miniBatch is on, the default), so the mean gradient's norm is this.
        INDArray gradient = model.getGradientsViewArray();
        int batchSize = model.batchSize();
        double divisor = model.conf().isMiniBatch() ? batchSize : 1;
        double norm = FlatVectors.norm(gradient) / divisor;
        signals.addGradientNorm(norm);
        statistics.addGradientNorm(norm);
        long iteration = NetworkCounters.iteration(model);
        if (Double.isFinite(norm)) {
            noise.offer(iteration, gradient, divisor, norm * norm, batchSize);
            if (stationarity != null) {
                stationarity.offerGradient(iteration, gradient, divisor, norm * norm);
            }
        }
        if (iteration % options.layerStatisticsPeriod() == 0) {
            layerStatistics.readGradients(layers());
        }
        if ((curvature != null || options.rollback() != null) && !diverging) {
            beforeStep(model, iteration, norm);
        }
    }

    /**
     * Between backpropagation and the updater step of an iteration that did not diverge: a rate
     * that just rose is probed before its first step (with curvature probes), then the rollback
     * guard may keep a snapshot. A batch whose loss or gradient is not finite, or an outlier, is
     * skipped: the rate before stays that of the last healthy iteration, so that a rise first met
     * by a bad batch is still probed before its first step on a good one.
     */
    private void beforeStep(Model model, long iteration, double gradientNorm) {
        double loss = model.score();
        double smoothed = signals.smoothedLoss();
        if (!Double.isFinite(loss) || !Double.isFinite(gradientNorm)
                || (!Double.isNaN(smoothed) && loss > options.explosionFactor() * smoothed)) {
            return;
        }
        long epoch = NetworkCounters.epoch(model);
        // The host speaks for the moment after the previous iteration, before this one's step.
        hostIteration = iteration - 1;
        hostEpoch = epoch;
        double rate = rates.firstLearningRate((int) iteration, (int) epoch);
        if (curvature != null && guard.rose(rate)) {
            curvature.probeRise(model, rates, iteration, epoch, rate / guard.rateBefore(), host);
            rate = rates.firstLearningRate((int) iteration, (int) epoch); // as capped
        }
        guard.beforeStep(model, rates, iteration, epoch, rate);
    }

    @Override
    public void iterationDone(Model model, int iteration, int epoch) {
        bind(model);
        double loss = model.score();
        signals.addLoss(loss);
        if (statistics.addLoss(loss, iteration)) {
            statistics.writeRow(iteration + 1L, epoch, noise.estimate().value(), noise.batchSize(),
                    curvature == null ? null : curvature.last(), controlledRates(iteration, epoch));
        }
        if (stationarity != null) {
            stationarity.recordLoss(loss);
        }
        if (curvature != null) {
            curvature.recordLoss(loss);
        }
        if (iteration % options.layerStatisticsPeriod() == 0) {
            layerStatistics.readUpdates(layers());
        }
        boolean nowDiverging = classifier.isDiverging(signals.lastLoss(), signals.lastGradientNorm(),
                signals.smoothedLoss(), signals.bestSmoothedLoss());
        if (nowDiverging != diverging) {
            diverging = nowDiverging;
            TerrainSnapshot snapshot = snapshot(iteration, epoch, Double.NaN, false);
            Classification classification = classifier.classify(snapshot);
            report(EventType.TERRAIN, snapshot, classification.terrain(), diverging ? classification.reason()
                    : "finite and bounded again", Map.of(), Map.of());
            hostIteration = iteration;
            hostEpoch = epoch;
            if (diverging && guard.rollback(model, rates, iteration + 1, classification.reason(), host)) {
                diverging = false;
                if (curvature != null) {
                    curvature.afterRollback(model, rates, iteration + 1, epoch, host);
                }
            }
        } else if (!diverging && curvature != null) {
            hostIteration = iteration;
            hostEpoch = epoch;
            Classification named = curvature.afterGoodIteration(model, rates, iteration, epoch,
                    signals.smoothedGradientNorm(), signals.smoothedLoss(), stalling(), host);
            if (named != null && named.terrain() != terrain) {
                terrain = named.terrain();
                report(EventType.TERRAIN, snapshot(iteration, epoch, Double.NaN, false), terrain, named.reason(),
                        Map.of(), Map.of(), curvature.last());
            }
        }
        if (averaging != null) {
            sampleForAverage(model, iteration, epoch, loss, Double.isFinite(loss) && !nowDiverging);
        }
        if (noise.estimate().measurements() != noiseMeasurementsSeen) {
            noiseMeasurementsSeen = noise.estimate().measurements();
            adviseBatchSize(iteration, epoch);
        }
        if (options.checks().dueAfterIteration(iteration, epochsSeen)) {
            check(iteration + 1, epoch);
        }
        if (cooldown != null && !cooling && iteration + 1 >= cooldown[0]) {
            startCooldown(iteration + 1L, epoch);
        }
    }

    /**
     * Anneals every controlled rate linearly to 0 from {@code nextIteration} to the budget's end
     * (from where the cooldown should have begun, when the budget became known only later), and
     * ends Terrain's own decisions: the rate now belongs to the cooldown (a rollback still halves it).
     */
    private void startCooldown(long nextIteration, long epoch) {
        long start = Math.max(cooldown[0], nextIteration);
        long end = Math.max(cooldown[1], start + 1);
        Map<String, Double> before = controlledRates(nextIteration, epoch);
        before.keySet().forEach(layer -> rates.coolDown(layer, (int) start, (int) end));
        cooling = true;
        report(EventType.COOLDOWN, snapshot(nextIteration, epoch, Double.NaN, false), terrain, String.format(Locale.ROOT,
                "cooldown: the training budget ends at iteration %d; every controlled rate falls linearly to 0 from "
                        + "iteration %d (the last %.0f%% of the budget) and Terrain makes no more rate decisions",
                end, start, 100 * options.budget().cooldownFraction()), before, controlledRates(end - 1, epoch));
    }

    /** The cooldown's iterations, once the budget's length in iterations is known. */
    private void resolveBudget(long iterationsPerEpoch) {
        TrainingBudget budget = options.budget();
        if (budget != null && cooldown == null && (!budget.inEpochs() || iterationsPerEpoch > 0)) {
            cooldown = budget.cooldown(budget.totalIterations(iterationsPerEpoch));
        }
    }

    /**
     * Tail averaging after an iteration's update: a sample of the parameters when the window asks
     * for one at the rate the window's samples ran at; a diverged or non-finite iteration, or a
     * changed rate, begins the window again.
     */
    private void sampleForAverage(Model model, long iteration, long epoch, double loss, boolean healthy) {
        if (!healthy) {
            averaging.restart(iteration + 1);
            restartAverage();
            return;
        }
        if (averaging.afterIteration(iteration, loss)) {
            double rate = rates.firstLearningRate((int) iteration, (int) epoch);
            if (average.count() > 0 && Double.compare(rate, averagedRate) != 0) {
                averaging.restart(iteration + 1);
                restartAverage();
                return;
            }
            averagedRate = rate;
            average.add(model);
        }
    }

    private void restartAverage() {
        average.clear();
        averagedRate = Double.NaN;
    }

    /**
     * At an epoch's end: the network holds the tail average when the window's test allows it
     * (a {@code TAIL_AVERAGE} event each time), or keeps its last iterate (an event when that
     * decision is new).
     */
    private void endAveragingEpoch(Model model, long nextIteration, long epoch) {
        AveragingVerdict verdict = averaging.endEpoch(nextIteration);
        int samples = average.count();
        if (verdict.average() && samples >= 2) {
            average.hold(model);
        }
        restartAverage();
        if (verdict.kind() == AveragingVerdict.Kind.AVERAGE ? samples >= 2
                : verdict.kind() != AveragingVerdict.Kind.NONE && verdict.kind() != lastAveraging) {
            Map<String, Double> now = controlledRates(nextIteration, epoch);
            report(EventType.TAIL_AVERAGE, snapshot(nextIteration, epoch, Double.NaN, false), terrain,
                    verdict.describe(samples), now, now);
        }
        lastAveraging = verdict.kind();
    }

    @Override
    public void onEpochEnd(Model model) {
        bind(model);
        statistics.flush();
        if (epochStartIteration >= 0) {
            long epochLength = NetworkCounters.iteration(model) - epochStartIteration;
            resolveBudget(epochLength);
            if (stationarity != null) {
                stationarity.epochEnded(epochLength);
            }
        }
        if (options.checks().atEpochEnd()) {
            check(NetworkCounters.iteration(model), NetworkCounters.epoch(model));
        }
        if (averaging != null) {
            // After the check, whose verdict on the rate's whole run is fresh.
            endAveragingEpoch(model, NetworkCounters.iteration(model), NetworkCounters.epoch(model));
        }
    }

    /**
     * One step of the plateau detector, then the classification and the action.
     *
     * @param nextIteration the iteration the next parameter update will have
     */
    private void check(long nextIteration, long epoch) {
        checks++;
        if (stationarity != null) {
            checkStationarity(nextIteration, epoch);
            return;
        }
        double monitored = options.monitor() instanceof Monitor.Validation validation
                ? ValidationEvaluator.evaluate(model, validation) : signals.takeIntervalMeanLoss();
        statistics.checked(monitored);
        if (cooling) {
            return;
        }
        double threshold = advice == BatchSizeAdvice.FAR_BELOW
                ? Math.max(options.plateau().threshold(), options.noiseDominatedThreshold())
                : options.plateau().threshold();
        boolean plateau = detector.observe(monitored, threshold);
        TerrainSnapshot snapshot = snapshot(nextIteration, epoch, monitored, plateau);
        Classification classification = classifier.classify(snapshot);
        if (classification.terrain() != terrain) {
            report(EventType.TERRAIN, snapshot, classification.terrain(), classification.reason(), Map.of(), Map.of());
            terrain = classification.terrain();
        }
        Map<String, Double> before = controlledRates(nextIteration, epoch);
        Action action = policy.decide(classification, before);
        if (action instanceof Action.ScaleLearningRate scale) {
            Map<String, Double> after = scaleControlled(scale.factors(), nextIteration, epoch);
            report(EventType.LEARNING_RATE_SCALED, snapshot, terrain, classification.reason() + "; "
                    + noiseSummary(), before, after);
        } else if (action instanceof Action.RequestStop stop) {
            stopRequested = true;
            report(EventType.STOP_REQUESTED, snapshot, terrain, stop.reason(), before, before);
        }
    }

    /** Whether the last check saw no progress: a hint for the curvature probes. */
    private boolean stalling() {
        return stationarity != null ? stationarity.stalling() : detector.badChecks() > 0;
    }

    /**
     * The default rule's check: the stationarity test on the iterations since the rates last
     * changed (a change by anyone, a schedule included, restarts it), then a decay if it fires.
     */
    private void checkStationarity(long nextIteration, long epoch) {
        double monitored = signals.takeIntervalMeanLoss();
        statistics.checked(monitored);
        if (cooling) {
            return;
        }
        Map<String, Double> before = controlledRates(nextIteration, epoch);
        if (rise != null && stationarity.changedSinceTested(before) && rise.abandon()) {
            report(EventType.RATE_TRIAL, snapshot(nextIteration, epoch, monitored, false), terrain,
                    "rise trial abandoned: the rate changed during it (a rollback, a curvature cap or a schedule); "
                            + "no further rises", before, before);
        }
        StationarityVerdict verdict = stationarity.check(before);
        TerrainSnapshot snapshot = snapshot(nextIteration, epoch, monitored, verdict.stationary());
        Classification classification = classifier.classify(snapshot);
        if (classification.terrain() == Terrain.DIVERGING) {
            if (terrain != Terrain.DIVERGING) {
                report(EventType.TERRAIN, snapshot, Terrain.DIVERGING, classification.reason(), Map.of(), Map.of());
                terrain = Terrain.DIVERGING;
            }
            return;
        }
        if (verdict.kind() == StationarityVerdict.Kind.TOO_FEW_SAMPLES) {
            return;
        }
        Terrain named = verdict.kind() == StationarityVerdict.Kind.DESCENDING ? Terrain.DESCENDING : Terrain.PLATEAU;
        if (stationarity.noteVerdict(verdict.kind()) || named != terrain) {
            report(EventType.TERRAIN, snapshot, named, verdict.describe(), Map.of(), Map.of());
        }
        terrain = named;
        if (rise != null && tryRise(snapshot, verdict, before, nextIteration, epoch)) {
            return;
        }
        if (verdict.stationary()) {
            decay(snapshot, verdict, before, nextIteration, epoch);
        } else if (verdict.kind() == StationarityVerdict.Kind.STALLED && options.stopAtMinimum()
                && policy.allAtMinimum(before) && !stopRequested) {
            // At its floor a rate's loss no longer flattens (it has long been flat): no progress is the signal.
            stopRequested = true;
            report(EventType.STOP_REQUESTED, snapshot, terrain, "no progress with every learning rate at its minimum: "
                    + verdict.describe(), before, before);
        }
    }

    /**
     * Starts, keeps or gives up a rise trial as {@link RateRise} decides; a kept rise may chain
     * into the next trial at once. Returns whether the rates changed (then nothing else acts at this check).
     */
    private boolean tryRise(TerrainSnapshot snapshot, StationarityVerdict verdict, Map<String, Double> before,
                            long nextIteration, long epoch) {
        RateRise.Decision decision = rise.atVerdict(verdict);
        if (decision instanceof RateRise.Decision.Keep keep) {
            report(EventType.RATE_TRIAL, snapshot, terrain, keep.reason(), before, before);
            decision = rise.atVerdict(verdict);
        }
        if (decision instanceof RateRise.Decision.Start start) {
            Map<String, Double> after = scaleControlled(every(before, start.factor()), nextIteration, epoch);
            stationarity.trialStarted(after);
            report(EventType.RATE_TRIAL, snapshot, terrain, start.reason(), before, after);
            return true;
        }
        if (decision instanceof RateRise.Decision.Revert revert) {
            Map<String, Double> after = scaleControlled(every(before, revert.factor()), nextIteration, epoch);
            stationarity.reverted(after);
            report(EventType.RATE_TRIAL, snapshot, terrain, revert.reason(), before, after);
            return true;
        }
        return false;
    }

    /** The same {@code factor} for every layer of {@code rates}. */
    private static Map<String, Double> every(Map<String, Double> rates, double factor) {
        Map<String, Double> factors = new LinkedHashMap<>();
        rates.keySet().forEach(layer -> factors.put(layer, factor));
        return factors;
    }

    /** Multiplies each named layer's rate by its factor from {@code nextIteration} on; returns the controlled rates after. */
    private Map<String, Double> scaleControlled(Map<String, Double> factors, long nextIteration, long epoch) {
        factors.forEach((layer, factor) -> rates.scale(layer, (int) nextIteration, factor));
        return controlledRates(nextIteration, epoch);
    }

    /** Decays the controlled rates at the noise floor (or requests a stop at their minimum) and restarts the test. */
    private void decay(TerrainSnapshot snapshot, StationarityVerdict verdict, Map<String, Double> before,
                       long nextIteration, long epoch) {
        Action action = policy.decay(before);
        if (action instanceof Action.ScaleLearningRate scale) {
            Map<String, Double> after = scaleControlled(scale.factors(), nextIteration, epoch);
            stationarity.decayed(after);
            if (rise != null) {
                rise.decayed();
            }
            report(EventType.LEARNING_RATE_SCALED, snapshot, terrain, verdict.describe(), before, after);
        } else if (action instanceof Action.RequestStop stop) {
            stopRequested = true;
            report(EventType.STOP_REQUESTED, snapshot, terrain, stop.reason(), before, before);
        }
    }

    private Map<String, Double> controlledRates(long iteration, long epoch) {
        Map<String, Double> all = rates.learningRates((int) iteration, (int) epoch);
        if (options.controlledLayers().isEmpty()) {
            return all;
        }
        Map<String, Double> chosen = new LinkedHashMap<>(all);
        chosen.keySet().retainAll(options.controlledLayers());
        return chosen;
    }

    private void adviseBatchSize(long iteration, long epoch) {
        GradientNoiseScale estimate = noise.estimate();
        BatchSizeAdvice now = BatchSizeAdvice.of(noise.batchSize(), estimate.value(),
                estimate.squaredGradientNorm(), options.batchAdviceFactor());
        if (now != advice) {
            advice = now;
            report(EventType.BATCH_SIZE_ADVICE, snapshot(iteration, epoch, Double.NaN, false), terrain,
                    noiseSummary(), Map.of(), Map.of());
        }
    }

    private String noiseSummary() {
        double value = noise.estimate().value();
        if (Double.isNaN(value)) {
            // No number: either nothing measured yet, or a mean gradient lost in its noise (a squared
            // norm estimate that is not positive), where the scale is unbounded.
            return String.format(Locale.ROOT, "gradient noise scale %s vs batch %d: %s", advice == BatchSizeAdvice.FAR_BELOW
                    ? "unbounded (the mean gradient is lost in its noise)" : "not measured yet", noise.batchSize(), advice);
        }
        return String.format(Locale.ROOT, "gradient noise scale %.4g vs batch %d: %s", value, noise.batchSize(), advice);
    }

    private TerrainSnapshot snapshot(long iteration, long epoch, double monitored, boolean plateau) {
        int badChecks = plateau ? options.plateau().patience() + 1 : detector.badChecks();
        return new TerrainSnapshot(iteration, epoch, signals.lastLoss(), signals.smoothedLoss(),
                signals.bestSmoothedLoss(), signals.lastGradientNorm(), signals.smoothedGradientNorm(),
                monitored, badChecks, plateau, noise.estimate().value(), noise.batchSize());
    }

    private void report(EventType type, TerrainSnapshot snapshot, Terrain at, String message,
                        Map<String, Double> before, Map<String, Double> after) {
        report(type, snapshot, at, message, before, after, null);
    }

    private void report(EventType type, TerrainSnapshot snapshot, Terrain at, String message,
                        Map<String, Double> before, Map<String, Double> after, CurvatureSnapshot probe) {
        events.add(new TerrainEvent(type, snapshot.iteration(), snapshot.epoch(), at, message, before, after,
                snapshot, probe));
    }

    /** The curvature control's view of this listener at {@code hostIteration}: one object, no per-iteration allocation. */
    private final class ListenerHost implements ControlHost {
        @Override
        public Map<String, Double> controlledRates() {
            return TerrainListener.this.controlledRates(hostIteration + 1, hostEpoch);
        }

        @Override
        public void report(EventType type, Terrain at, String message, Map<String, Double> before,
                           Map<String, Double> after, CurvatureSnapshot probe) {
            TerrainListener.this.report(type, snapshot(hostIteration, hostEpoch, Double.NaN, false),
                    at == null ? terrain : at, message, before, after, probe);
        }
    }

    /** Asks for a curvature probe after the next iteration (curvature options must be set). */
    public void requestCurvatureProbe() {
        if (curvature == null) {
            throw new IllegalStateException("curvature probes are off; turn them on with builder().curvature(...)");
        }
        curvature.request();
    }

    /** Binds to the first network seen; a second network is a usage error. */
    private void bind(Model seen) {
        if (model == seen) {
            return;
        }
        if (model != null) {
            throw new IllegalStateException("a TerrainListener serves one network; create one per network");
        }
        rates = NetworkLearningRates.of(seen);
        checkMinimumRate(rates.learningRates((int) NetworkCounters.iteration(seen), (int) NetworkCounters.epoch(seen)));
        model = seen;
        if (stationarity != null) {
            stationarity.start(controlledRates(NetworkCounters.iteration(seen), NetworkCounters.epoch(seen)));
        }
        layerStatistics = LayerStatistics.forLayers(NetworkCounters.layerNames(seen));
        cooling = rates.coolingDown();
        resolveBudget(0);
        if (!rates.layersWithoutLearningRate().isEmpty()) {
            report(EventType.WARNING, snapshot(NetworkCounters.iteration(seen), NetworkCounters.epoch(seen),
                    Double.NaN, false), terrain, "no learning rate to control in layers "
                    + rates.layersWithoutLearningRate() + "; Terrain only reports for them", Map.of(), Map.of());
        }
    }

    private void checkMinimumRate(Map<String, Double> startingRates) {
        double minimum = options.usesStationarityTest() ? options.stationarity().minLearningRate()
                : options.plateau().minLearningRate();
        startingRates.forEach((layer, rate) -> {
            if (minimum > rate) {
                throw new IllegalArgumentException("minLearningRate " + minimum + " is above the learning rate "
                        + rate + " of layer " + layer);
            }
        });
    }

    private Layer[] layers() {
        return model instanceof MultiLayerNetwork mln ? mln.getLayers() : ((ComputationGraph) model).getLayers();
    }

    /** The options this listener runs with. */
    public TerrainOptions options() {
        return options;
    }

    /** Every event so far, oldest first. */
    public List<TerrainEvent> events() {
        return events.events();
    }

    /** The terrain at the last check (or DIVERGING while the last iteration diverged). */
    public Terrain terrain() {
        return diverging ? Terrain.DIVERGING : terrain;
    }

    /** A snapshot of the loss and gradient-norm statistics. */
    public SignalSummary statistics() {
        return signals.summary();
    }

    /** Per-layer gradient norms and update ratios of the last sample (null before training). */
    public LayerStatistics layerStatistics() {
        return layerStatistics;
    }

    /** Each controlled layer's learning rate now (at the network's current iteration); empty before training. */
    public Map<String, Double> learningRates() {
        return model == null ? Map.of() : controlledRates(NetworkCounters.iteration(model), NetworkCounters.epoch(model));
    }

    /** The last curvature probe, if probes are on and one ran. */
    public java.util.Optional<CurvatureSnapshot> lastCurvatureProbe() {
        return curvature == null ? java.util.Optional.empty() : java.util.Optional.ofNullable(curvature.last());
    }

    /** The epochs the network has finished (0 before training). */
    public long epochs() {
        return model == null ? 0 : NetworkCounters.epoch(model);
    }

    /** The mini-batch size the gradient noise scale is compared with (0 before the first measurement). */
    public int batchSize() {
        return noise.batchSize();
    }

    /** The gradient noise scale {@code B_simple}, NaN while unknown. */
    public double gradientNoiseScale() {
        return noise.estimate().value();
    }

    /** How the batch size compares with the noise scale. */
    public BatchSizeAdvice batchSizeAdvice() {
        return advice;
    }

    /** Whether the listener asked training to stop (see {@code stopAtMinimum}). */
    public boolean stopRequested() {
        return stopRequested;
    }

    /** What this listener learned, to save with a checkpoint. */
    public ListenerState state() {
        return new ListenerState(ListenerState.VERSION, signals.state(), detector.state(),
                noise.estimate().state(), terrain, diverging, advice, epochsSeen, stopRequested,
                stationarity == null ? null : stationarity.testState(),
                stationarity == null ? null : stationarity.testedRates(),
                stationarity == null ? StationarityVerdict.Kind.TOO_FEW_SAMPLES : stationarity.lastVerdict(), checks,
                curvature == null ? null : curvature.state(), guard.state(), guard.rateBefore(),
                rise == null ? null : rise.state(), averagingState());
    }

    private AveragingState averagingState() {
        return averaging == null ? null : new AveragingState(averaging.state(), average.count(), averagedRate,
                average.holding(), average.sumBytes(), average.lastIterateBytes(), lastAveraging);
    }

    /** Continues from a saved state; call before training resumes. */
    public void restore(ListenerState state) {
        if (state.version() < ListenerState.OLDEST_READABLE || state.version() > ListenerState.VERSION) {
            throw new IllegalArgumentException("listener state version " + state.version()
                    + " is not supported; this Terrain reads versions " + ListenerState.OLDEST_READABLE + " to "
                    + ListenerState.VERSION);
        }
        signals.restore(state.signals());
        detector.restore(state.plateau());
        noise.estimate().restore(state.noiseScale());
        noiseMeasurementsSeen = noise.estimate().measurements();
        terrain = state.terrain();
        diverging = state.diverging();
        advice = state.batchSizeAdvice();
        epochsSeen = state.epochsSeen();
        stopRequested = state.stopRequested();
        checks = state.checks();
        if (stationarity != null && state.stationarity() != null) {
            stationarity.restore(state.stationarity(), state.testedRates(), state.lastVerdict());
        }
        if (curvature != null && state.curvature() != null) {
            curvature.restore(state.curvature());
        }
        guard.restore(state.rollback(), state.version() < 3 ? Double.NaN : state.rateBefore());
        if (rise != null) {
            if (state.rise() != null) {
                rise.restore(state.rise());
            } else {
                rise.abandon();
            }
        }
        if (averaging != null && state.averaging() != null) {
            AveragingState saved = state.averaging();
            averaging.restore(saved.window());
            average.restore(saved.samples(), saved.holding(), saved.sum(), saved.lastIterate());
            averagedRate = saved.averagedRate();
            lastAveraging = saved.lastReported();
        }
    }
}
