package org.terrain4j.control;

import java.util.Arrays;
import java.util.List;
import org.hipparchus.distribution.continuous.TDistribution;
import org.terrain4j.stats.BatchMeans;

/**
 * Tests whether training has stopped descending at its current learning rate: whether the
 * mini-batch loss is stationary, the rate's noise floor, which only a smaller rate lowers.
 *
 * <p><b>The test.</b> SASA's machinery (Lang, Zhang and Xiao, NeurIPS 2019) on the quantity the
 * user trains for. The iterations since the rate last changed are split into an older and a
 * newer half; each half is cut into {@code floor(sqrt(n))} batches whose means are nearly
 * independent once a batch outlasts the loss's autocorrelation, and a one-sided t-test of the
 * least-squares slope of the batch means ({@code k - 2} degrees of freedom) asks whether the loss
 * falls in that half. The verdict:
 * <ul>
 * <li>the newer half falls significantly: {@link StationarityVerdict.Kind#DESCENDING}, keep the rate;</li>
 * <li>the newer half does not; it arrived at a floor: its slope is significantly flatter than the
 *     older half's (a two-sample test of the slopes), or, after a decay, its level is significantly
 *     below the level the decay was decided at (a two-sample test of the batch-mean levels: the
 *     last decay lowered the floor, so the floor is the rate's); and the mini-batch gradients of the newer half are
 *     noise-dominated: the loss relaxed to the stationary distribution of this rate, its noise
 *     floor, which only a smaller rate lowers: {@link StationarityVerdict.Kind#STATIONARY}, decay.
 *     Noise-dominated means a gradient noise scale ({@link GradientCoherence}) above
 *     {@code B / factor}: a decay by {@code factor} acts like a batch {@code 1 / factor} times larger
 *     (Smith, Kindermans, Ying and Le, ICLR 2018), which pays only below the noise scale
 *     (McCandlish et al. 2018). The rate decays once {@link StationarityOptions#confirmations}
 *     verdicts in a row at this rate are {@code STATIONARY} ({@link StationarityVerdict#stationary}):
 *     once one has found the floor, the next ones confirm it if the loss still does not fall
 *     significantly and the gradient is still noise-dominated;</li>
 * <li>otherwise: {@link StationarityVerdict.Kind#STALLED}. No measurable progress and no sign of
 *     having arrived (a flat start, a saddle region, a rate too small to show progress yet, a
 *     floor the last decay did not lower), or a gradient still coherent enough that a smaller
 *     rate only slows the escape. A decay cannot help.</li>
 * </ul>
 * Asking for a fall that slowed makes a decay need evidence on both sides: a loss that never
 * moved, or one whose slow descent is lost in the noise of a short window, is not decayed.
 *
 * <p><b>Why the level after a decay.</b> A decay lowers the noise floor within a few dozen
 * iterations, faster than the shortest window resolves as a slope: the drop falls between the
 * windows, and the new rate's window starts flat. With the slopes alone the test then sees a
 * stall and never decays again (on digits with SGD Nesterov at 0.3, two decays and a floor of 94%
 * accuracy where linear decay reached 95%). Comparing the new floor's level with the old one asks
 * the question a step schedule's next step answers: did the last decay pay? While it did, the
 * floor is the rate's, and the next decay is taken once the loss is flat again; once a decay
 * lowers nothing, the test is back to needing a fall that slowed.
 *
 * <p><b>Why against the trend from one epoch to the next.</b> On data that repeat each epoch the
 * training loss keeps falling while the network memorizes, at any rate, so a later level is lower
 * whatever the decay did, and each decay would justify the next: on Fashion-MNIST (MLP, Nesterov
 * 0.05, seed 2 of the time-to-accuracy benchmark) a decay after the first epoch was followed by
 * three more, one at every check, and the run ended 1.2 points below the constant rate. So when
 * the epoch's length is known ({@link #setPeriod}) the level after a decay is compared with the
 * level before it moved on by the rate before's own fall per iteration from one epoch to the next
 * (measured when the decay was decided, falls only, its error carried into the test): the decay
 * paid if the loss fell beyond that. The flattening test then does not count: the new rate's
 * window opens with the decay's own drop, so its older half falls steeply whatever the rate does
 * next (on the same benchmark at 0.01 a second decay came that way, two epochs after the first,
 * and the run ended 1.1 points below the constant rate instead of 0.3). A decay decided before
 * the rate had run an epoch and a test's worth keeps no level at all: in the first epoch every
 * example is new, and the levels after it are on examples seen since.
 *
 * <p><b>Why the loss and not SASA's condition.</b> SASA tests Yaida's fluctuation-dissipation
 * relation {@code E[<x, u>] = E[|u|^2] / 2}, which for any update {@code x_{k+1} = x_k - u_k} says
 * {@code E|x_{k+1}|^2 = E|x_k|^2}. Without weight decay, cross-entropy keeps growing the weights'
 * norm long after the loss has stopped falling (on digits the relation's t statistic stayed between
 * -8 and -30 in every window of 30 epochs, at every rate): the test never fires on the networks
 * most DL4J users train. The loss's own stationarity is what a decay changes.
 *
 * <p>Order of use: {@link #record} once per iteration; at a check, {@link #recordCoherence} for
 * the gradients since the last check, then {@link #verdict}; {@link #reset} whenever a rate
 * changes. Recording is O(1) and allocation-free; the memory is one array of
 * {@code capacity} doubles allocated once.
 */
public final class StationarityTest {

    /** Gradient-coherence intervals kept: more than a window ever needs when checks come each epoch or less. */
    private static final int INTERVALS = 64;

    private final StationarityOptions options;
    private final double[] losses;
    private final double[] batchMeans;
    private final long[] intervalEnds = new long[INTERVALS];
    private final GradientCoherence[] intervals = new GradientCoherence[INTERVALS];
    private int intervalCount;
    private long count;
    private long previousStretch;
    /**
     * The newer half's loss level when the rate was last decayed; null when the last change was no
     * decay, or when the data repeat and the rate before had not run long enough to measure its
     * trend from one epoch to the next (see {@link #resetAfterDecay}).
     */
    private BatchMeans.Level floorBefore;
    /**
     * The rate before the last decay's trend from one epoch to the next, per iteration (only its
     * falls count); null when the data are not known to repeat, then the levels compare plainly.
     */
    private BatchMeans.Level trendBefore;
    /** Iterations from the middle of the window {@link #floorBefore} came from to the decay. */
    private long floorLead;
    /** Verdicts in a row, since the last reset, whose test found the noise floor. */
    private int floorsInARow;
    /** Iterations per epoch when the data repeat each epoch; 0 when unknown. */
    private int period;

    /** A test that has seen nothing. */
    public StationarityTest(StationarityOptions options) {
        this.options = options;
        losses = new double[options.capacity()];
        batchMeans = new double[(int) Math.sqrt(options.capacity()) + 2];
    }

    /** Records the mini-batch loss of one iteration. */
    public void record(double loss) {
        losses[(int) (count % losses.length)] = loss;
        count++;
    }

    /**
     * Records how coherent the mini-batch gradients were over the iterations since the previous
     * call (call at a check, after the iterations' {@link #record} calls).
     */
    public void recordCoherence(GradientCoherence coherence) {
        int slot = intervalCount % INTERVALS;
        intervalEnds[slot] = count;
        intervals[slot] = coherence;
        intervalCount++;
    }

    /**
     * Forgets every iteration: the next one starts a new chain (call after a rate change). The
     * next verdict waits until the new rate has run as long as this one did.
     */
    public void reset() {
        previousStretch = count;
        count = 0;
        intervalCount = 0;
        floorBefore = null;
        trendBefore = null;
        floorLead = 0;
        floorsInARow = 0;
    }

    /**
     * Forgets every iteration, like {@link #reset}, after a decay: the next verdicts also ask
     * whether the decay lowered the loss below the level of the window it was decided on.
     */
    public void resetAfterDecay() {
        BatchMeans.Level floor = newestLevel();
        long lead = newestWindow() / 2;
        EpochChange change = epochChange();
        boolean repeating = period > 0;
        reset();
        if (repeating && change == null) {
            return; // no baseline: the level before may be on data not yet seen, the level after on data seen since
        }
        floorBefore = floor;
        floorLead = lead;
        trendBefore = change == null ? null : new BatchMeans.Level(Math.min(0, change.level().mean()) / change.lag(),
                change.level().standardError() / change.lag(), change.level().batches());
    }

    /**
     * Forgets every iteration, like {@link #reset}, but lets the next verdict come as soon as the
     * new rate has {@code 2 * minSamples} iterations: a rise trial ({@link RateRise}) is judged on
     * the shortest window the test can decide on, however long the rate before it ran.
     */
    public void resetForTrial() {
        previousStretch = 0;
        count = 0;
        intervalCount = 0;
        floorBefore = null;
        trendBefore = null;
        floorLead = 0;
        floorsInARow = 0;
    }

    /** Iterations recorded since the last reset. */
    public long recorded() {
        return count;
    }

    /**
     * The training data repeat every {@code iterations} iterations, an epoch (the listener calls
     * this at each epoch's end with its length); 0, or a period too long for the capacity, forgets it.
     *
     * <p>Why it matters. From the second epoch on, an example's mini-batch loss depends on how
     * long ago it was last trained on: with the data reshuffled each epoch, the examples early in
     * an epoch were last seen about half an epoch before, those at its end one and a half. The
     * loss within an epoch then rises by that recency alone, and a descent from one epoch to the
     * next can sit entirely at the epochs' boundaries: on Fashion-MNIST (MLP 784-256-128-10,
     * batch 128, Nesterov 0.05) the quarters of epoch 4 averaged 0.306, 0.319, 0.305 and 0.312
     * while whole epochs fell by about 0.02 each. The slopes the test decides on look within the
     * window, so a loss the recency holds flat can be called stationary while it still falls
     * between epochs. Comparing each iteration with the one a whole number of epochs earlier, at
     * the same point of its epoch, removes the recency; but the training loss then keeps falling
     * for as long as the network can memorize, and a test on it never decays where decays pay.
     * So the verdict says what the comparison finds ({@link StationarityVerdict#epochChangeT}),
     * and decides on it only after a decay: the fall it measured at the rate before is the trend
     * the decay's level is judged against.
     */
    public void setPeriod(long iterations) {
        period = iterations > 0 && iterations <= losses.length / 2 - options.minSamples() ? (int) iterations : 0;
    }

    /** Tests the iterations since the last reset: the older half against the newer half. */
    public StationarityVerdict verdict() {
        int samples = (int) Math.min(count / 2, losses.length / 2);
        if (samples < options.minSamples() || (options.growingWindows() && count < previousStretch)
                || !finite(2 * samples)) {
            return StationarityVerdict.tooFew(samples, options.confidence());
        }
        int batchSize = (int) Math.sqrt(samples);
        int batches = samples / batchSize;
        long newer = count - (long) batches * batchSize;
        long older = newer - (long) batches * batchSize;
        BatchMeans.Slope newerSlope = slope(newer, batchSize, batches);
        BatchMeans.Level newerLevel = BatchMeans.level(batchMeans, batches); // the means slope() just filled
        BatchMeans.Slope olderSlope = slope(older, batchSize, batches);
        double critical = new TDistribution(batches - 2).inverseCumulativeProbability(options.confidence());
        double flattening = newerSlope.tAgainst(olderSlope);
        double flatteningCritical = new TDistribution(2 * (batches - 2)).inverseCumulativeProbability(options.confidence());
        double noiseToSignal = noiseToSignal(newer);
        double lowered = floorBefore == null ? Double.NaN
                : newerLevel.tBelow(floorExpected(floorLead + (newer + count) / 2));
        double loweredCritical = floorBefore == null ? Double.NaN : new TDistribution(
                batches - 1 + floorBefore.batches() - 1).inverseCumulativeProbability(options.confidence());
        // A floor found at the verdict before and not yet confirmed stays found: the next verdicts
        // ask only that the loss still does not fall. The flattening test itself loses power as the
        // window grows past a descent that ended early, so asking it again would not confirm a floor.
        boolean confirming = floorsInARow > 0 && floorsInARow < options.confirmations();
        // After a decay judged against the trend, its older half holds the decay's own drop: only the level counts.
        boolean judgedByTrend = floorBefore != null && trendBefore != null;
        boolean arrived = confirming || (!judgedByTrend && flattening > flatteningCritical) || lowered > loweredCritical;
        StationarityVerdict.Kind kind;
        if (newerSlope.t() < -critical) {
            kind = StationarityVerdict.Kind.DESCENDING;
        } else if (arrived && !(noiseToSignal <= 1 / options.factor())) {
            kind = StationarityVerdict.Kind.STATIONARY;
        } else {
            kind = StationarityVerdict.Kind.STALLED;
        }
        floorsInARow = kind == StationarityVerdict.Kind.STATIONARY ? floorsInARow + 1 : 0;
        EpochChange change = epochChange(); // said, not decided on
        return new StationarityVerdict(kind, batches * batchSize, batches, newerSlope.t(), olderSlope.t(), critical,
                flattening, flatteningCritical, lowered, loweredCritical,
                floorBefore == null || trendBefore == null ? Double.NaN : trendBefore.mean(),
                noiseToSignal, 1 / options.factor(),
                options.confidence(), perIteration(newerSlope, batchSize), perIteration(olderSlope, batchSize),
                floorsInARow, options.confirmations(), change == null ? 0 : change.lag(),
                change == null ? Double.NaN : change.level().mean(),
                change == null ? Double.NaN : change.level().mean() / change.level().standardError());
    }

    /**
     * The level the loss would have reached {@code elapsed} iterations after the middle of the
     * window the last decay was decided on, had the rate before gone on falling from one epoch to
     * the next as it did: on repeating data the training loss keeps falling while the network
     * memorizes, whatever the rate, and only a fall beyond that is the decay's.
     */
    private BatchMeans.Level floorExpected(long elapsed) {
        if (trendBefore == null) {
            return floorBefore;
        }
        double spread = trendBefore.standardError() * elapsed;
        return new BatchMeans.Level(floorBefore.mean() + trendBefore.mean() * elapsed,
                Math.sqrt(floorBefore.standardError() * floorBefore.standardError() + spread * spread),
                floorBefore.batches());
    }

    /**
     * The newest stretch's mean change against the same iterations whole epochs earlier (the
     * most whole epochs that leave it as long as half the lag, so no loss enters twice); null when
     * the period is unknown or the rate has not run an epoch and a test's worth longer.
     */
    private EpochChange epochChange() {
        long held = Math.min(count, losses.length);
        if (period == 0) {
            return null;
        }
        int epochs = period * (int) Math.max(1, held / (2L * period));
        long span = Math.min(epochs / 2, held - epochs);
        if (span < options.minSamples() || !finite((int) (span + epochs))) {
            return null;
        }
        int spanBatch = (int) Math.sqrt(span);
        return new EpochChange(epochs, change(count - span / spanBatch * spanBatch, spanBatch,
                (int) (span / spanBatch), epochs));
    }

    /** A mean change of the loss over {@code lag} iterations, whole epochs, with its standard error. */
    private record EpochChange(int lag, BatchMeans.Level level) {
    }

    /**
     * The mean of {@code loss(i) - loss(i - lag)} over {@code batches} batches of {@code batchSize}
     * iterations from {@code first}, with its standard error over the batch means.
     */
    private BatchMeans.Level change(long first, int batchSize, int batches, int lag) {
        fillBatchMeans(first, batchSize, batches, lag);
        return BatchMeans.level(batchMeans, batches);
    }

    /** The loss level of the newer half of the window a verdict now would test; null when too few to test. */
    private BatchMeans.Level newestLevel() {
        int window = newestWindow();
        if (window == 0) {
            return null;
        }
        int batchSize = (int) Math.sqrt((int) Math.min(count / 2, losses.length / 2));
        slope(count - window, batchSize, window / batchSize);
        return BatchMeans.level(batchMeans, window / batchSize);
    }

    /** The iterations in the newer half of the window a verdict now would test; 0 when too few to test. */
    private int newestWindow() {
        int samples = (int) Math.min(count / 2, losses.length / 2);
        if (samples < options.minSamples() || !finite(samples)) {
            return 0;
        }
        int batchSize = (int) Math.sqrt(samples);
        return samples / batchSize * batchSize;
    }

    private static BatchMeans.Slope perIteration(BatchMeans.Slope perBatch, int batchSize) {
        return new BatchMeans.Slope(perBatch.estimate() / batchSize, perBatch.standardError() / batchSize);
    }

    /** The slope of {@code batches} batch means of {@code batchSize} losses from {@code first}. */
    private BatchMeans.Slope slope(long first, int batchSize, int batches) {
        fillBatchMeans(first, batchSize, batches, 0);
        return BatchMeans.slope(batchMeans, batches);
    }

    /**
     * Fills {@code batchMeans} with the means of {@code batches} batches of {@code batchSize}
     * iterations from {@code first}: of the losses, or with a positive {@code lag} of each loss
     * minus the one {@code lag} iterations before it.
     */
    private void fillBatchMeans(long first, int batchSize, int batches, int lag) {
        for (int b = 0; b < batches; b++) {
            double sum = 0;
            for (long i = first + (long) b * batchSize, end = i + batchSize; i < end; i++) {
                sum += lag == 0 ? loss(i) : loss(i) - loss(i - lag);
            }
            batchMeans[b] = sum / batchSize;
        }
    }

    /**
     * {@code B_noise / B} over the coherence intervals that end inside the window starting at
     * {@code windowStart}: the iteration-weighted means of their noise and signal estimates, as
     * McCandlish et al. average before taking the ratio. +infinity when the signal is not positive
     * (noise swamps it); NaN when no interval was recorded.
     */
    private double noiseToSignal(long windowStart) {
        double signal = 0;
        double noise = 0;
        int used = 0;
        for (int i = Math.max(0, intervalCount - INTERVALS); i < intervalCount; i++) {
            int slot = i % INTERVALS;
            if (intervalEnds[slot] > windowStart) {
                GradientCoherence interval = intervals[slot];
                signal += interval.iterations() * interval.signal();
                noise += interval.iterations() * interval.noise();
                used++;
            }
        }
        if (used == 0) {
            return Double.NaN;
        }
        return signal > 0 ? noise / signal : Double.POSITIVE_INFINITY;
    }

    /** Whether every loss in the tested window is finite (a diverged step is no noise floor). */
    private boolean finite(int samples) {
        for (long i = count - samples; i < count; i++) {
            if (!Double.isFinite(loss(i))) {
                return false;
            }
        }
        return true;
    }

    private double loss(long index) {
        return losses[(int) (index % losses.length)];
    }

    /** The recorded iterations, oldest first, for checkpoints. */
    public State state() {
        int held = (int) Math.min(count, losses.length);
        double[] values = new double[held];
        for (int i = 0; i < held; i++) {
            values[i] = loss(count - held + i);
        }
        int kept = Math.min(intervalCount, INTERVALS);
        long[] ends = new long[kept];
        GradientCoherence[] readings = new GradientCoherence[kept];
        for (int i = 0; i < kept; i++) {
            int slot = (intervalCount - kept + i) % INTERVALS;
            ends[i] = intervalEnds[slot];
            readings[i] = intervals[slot];
        }
        return new State(count, previousStretch, values, ends, List.of(readings), floorBefore, floorsInARow,
                trendBefore, floorLead);
    }

    /** Restores a state taken by {@link #state()} from a test with the same capacity. */
    public void restore(State state) {
        if (state.losses().length > losses.length || state.count() < state.losses().length
                || state.intervalEnds().length != state.intervals().size() || state.intervals().size() > INTERVALS) {
            throw new IllegalArgumentException("stationarity state of " + state.losses().length + " losses and "
                    + state.intervals().size() + " intervals does not fit a capacity of " + losses.length);
        }
        count = state.count() - state.losses().length;
        previousStretch = state.previousStretch();
        floorBefore = state.floorBefore();
        floorsInARow = state.floorsInARow();
        trendBefore = state.trendBefore();
        floorLead = state.floorLead();
        for (double value : state.losses()) {
            record(value);
        }
        intervalCount = 0;
        for (int i = 0; i < state.intervalEnds().length; i++) {
            intervalEnds[i] = state.intervalEnds()[i];
            intervals[i] = state.intervals().get(i);
            intervalCount++;
        }
    }

    /**
     * @param count iterations recorded since the last reset
     * @param previousStretch iterations the rate before the last reset ran
     * @param losses the newest losses held, oldest first
     * @param intervalEnds where each gradient-coherence interval ended, in iterations since the reset
     * @param intervals the gradient-coherence intervals, oldest first
     * @param floorBefore the loss level the last decay was decided at, or null (the last change was
     *                    no decay, or a checkpoint of version 4 or older)
     * @param floorsInARow verdicts in a row since the reset that found the noise floor (0 from a
     *                     checkpoint of version 6 or older, which decayed at the first)
     * @param trendBefore the rate before the last decay's fall per iteration from one epoch to the
     *                    next, or null (unknown: the levels compare plainly, as checkpoints of
     *                    version 7 or older did)
     * @param floorLead iterations from the middle of the window {@code floorBefore} came from to the decay
     */
    public record State(long count, long previousStretch, double[] losses, long[] intervalEnds,
                        List<GradientCoherence> intervals, BatchMeans.Level floorBefore, int floorsInARow,
                        BatchMeans.Level trendBefore, long floorLead) {
        /** Copies the arrays. */
        public State {
            losses = Arrays.copyOf(losses, losses.length);
            intervalEnds = Arrays.copyOf(intervalEnds, intervalEnds.length);
            intervals = List.copyOf(intervals);
        }
    }
}
