package org.terrain4j.control;

import java.util.Arrays;
import org.hipparchus.distribution.continuous.TDistribution;
import org.terrain4j.stats.BatchMeans;

/**
 * When to sample the parameters for a tail average, and whether the average may stand for the
 * epoch's end: the decisions of iterate averaging, kept pure (the listener adds and swaps the
 * arrays).
 *
 * <p><b>Why.</b> At a constant rate SGD does not converge to a minimum: its iterates fluctuate
 * around one with a spread that grows with the rate, the noise floor. A decay shrinks the spread;
 * so does averaging the iterates, without changing training (Polyak and Juditsky 1992; tail
 * averaging, Jain, Kakade, Kidambi, Netrapalli and Sidford, JMLR 2018; SWA, Izmailov et al. 2018).
 * Averaging needs no training budget: a linear decay to zero reaches its low-noise end only
 * because it knows when training ends, and Sandler et al. (2023) report an average of recent
 * iterates reaching what such a decay reaches. Terrain cannot know when {@code fit} is called for
 * the last time, so after every epoch it offers the average, and takes it back when training resumes.
 *
 * <p><b>The window.</b> The last {@code tail} of each epoch, its length learned from the epoch
 * before (the first epoch has none), sampled evenly at most {@code samples} times and at most
 * every {@link #MIN_PERIOD}th iteration, the last iteration included. A restart (a rollback, a
 * changed rate, a non-finite loss) begins the window again at that iteration.
 *
 * <p><b>The test.</b> An average lags behind iterates that are still descending. The window's
 * losses are cut into {@code floor(sqrt(n))} batches (3 to 32), and a one-sided t-test of the
 * least-squares slope of the batch means ({@code k - 2} degrees of freedom) asks whether the loss
 * still falls over the window. If it does, the last iterate stands; otherwise the average does.
 * The window's own fall is what the average lags behind. A fall of the training loss from one
 * epoch to the next (which a test over several epochs finds for as long as the network memorizes
 * its data) is not: the average of one epoch lags it by half an epoch's fall, and on the tuning
 * set of the learning-rate control benchmark letting such a test veto the average cost up to 6.6
 * points of validation accuracy at the top rate (docs/BENCHMARKS.md, "Learning rate control").
 *
 * <p>Order of use: {@link #startEpoch}, then {@link #afterIteration} once per iteration after its
 * update, {@link #restart} when the iterates so far no longer belong to the window, and
 * {@link #endEpoch}. Allocation-free after construction.
 */
public final class AveragingWindow {

    /** The most batch means a window keeps. */
    static final int MAX_BATCHES = 32;
    /** The fewest batch means a slope needs. */
    static final int MIN_BATCHES = 3;
    /**
     * The fewest iterations between samples, whatever the epoch's length: a sample is one pass over
     * every parameter (0.08 ms for the 235k of the overhead benchmark's MLP, 1.5% of its iteration),
     * so averaging costs at most a quarter of one per iteration; iterates a few steps apart add
     * little to an average of many (on the tuning set, sampling every 1 to 3 iterations instead
     * moved no digits cell's mean by more than one of 359 validation samples, and letters' cells
     * by at most 0.03 points).
     */
    public static final long MIN_PERIOD = 4;

    private final AveragingOptions options;
    private final double[] sums = new double[MAX_BATCHES];
    private final int[] counts = new int[MAX_BATCHES];
    private final double[] means = new double[MAX_BATCHES];
    private long epochLength = -1;
    private long epochStart = -1;
    private long windowStart = Long.MAX_VALUE;
    private long windowLength;
    private long period = 1;
    private long batchLength = 1;

    /** A window that has seen no epoch. */
    public AveragingWindow(AveragingOptions options) {
        this.options = options;
    }

    /** At an epoch's start, {@code firstIteration} the index of its first iteration. */
    public void startEpoch(long firstIteration) {
        epochStart = firstIteration;
        if (epochLength > 0) {
            long tail = Math.max(1, Math.round(options.tail() * epochLength));
            open(firstIteration + epochLength - tail, tail);
        } else {
            close();
        }
    }

    /**
     * After iteration {@code iteration}'s update, with its loss: records the loss when it falls in
     * the window, and says whether to add the parameters now.
     */
    public boolean afterIteration(long iteration, double loss) {
        if (iteration < windowStart) {
            return false;
        }
        long offset = iteration - windowStart;
        int batch = (int) Math.min(offset / batchLength, MAX_BATCHES);
        if (batch < MAX_BATCHES) {
            sums[batch] += loss;
            counts[batch]++;
        }
        return Math.floorMod(windowLength - 1 - offset, period) == 0;
    }

    /**
     * Forgets the window's iterations so far (they no longer describe the rate that runs now);
     * the window begins again at {@code nextIteration} when the epoch has room for it, else ends.
     * Before the window opened this changes nothing.
     */
    public void restart(long nextIteration) {
        if (nextIteration <= windowStart) {
            return;
        }
        long remaining = epochStart + epochLength - nextIteration;
        if (remaining >= MIN_BATCHES) {
            open(nextIteration, remaining);
        } else {
            close();
        }
    }

    /** Whether a window is open or due this epoch (the listener's buffers are needed). */
    public boolean active() {
        return windowStart != Long.MAX_VALUE;
    }

    /**
     * At the epoch's end, {@code nextIteration} the index after its last iteration: the verdict on
     * this epoch's window. The epoch's length becomes the next window's guide.
     */
    public AveragingVerdict endEpoch(long nextIteration) {
        AveragingVerdict verdict = verdict();
        if (epochStart >= 0 && nextIteration > epochStart) {
            epochLength = nextIteration - epochStart;
        }
        close();
        return verdict;
    }

    /** Everything this window knows, to save with a checkpoint. */
    public State state() {
        return new State(epochLength, epochStart, windowStart, windowLength, period, batchLength, sums.clone(),
                counts.clone());
    }

    /** Continues from a saved state. */
    public void restore(State state) {
        if (state.sums().length != MAX_BATCHES || state.counts().length != MAX_BATCHES) {
            throw new IllegalArgumentException("an averaging window's state needs " + MAX_BATCHES
                    + " batch sums and counts, got " + state.sums().length + " and " + state.counts().length);
        }
        epochLength = state.epochLength();
        epochStart = state.epochStart();
        windowStart = state.windowStart();
        windowLength = state.windowLength();
        period = Math.max(1, state.period());
        batchLength = Math.max(1, state.batchLength());
        System.arraycopy(state.sums(), 0, sums, 0, MAX_BATCHES);
        System.arraycopy(state.counts(), 0, counts, 0, MAX_BATCHES);
    }

    /**
     * A window as plain values.
     *
     * @param epochLength iterations of the last whole epoch, -1 before one
     * @param epochStart the first iteration of the epoch now running, -1 before one
     * @param windowStart the window's first iteration, {@link Long#MAX_VALUE} when there is none
     * @param windowLength the iterations the window expects
     * @param period iterations between samples
     * @param batchLength iterations per batch mean
     * @param sums the losses summed per batch
     * @param counts the losses per batch
     */
    public record State(long epochLength, long epochStart, long windowStart, long windowLength, long period,
                        long batchLength, double[] sums, int[] counts) {
    }

    private AveragingVerdict verdict() {
        if (!active()) {
            return new AveragingVerdict(AveragingVerdict.Kind.NONE, Double.NaN, Double.NaN, 0, 0, options.confidence());
        }
        int batches = 0;
        long iterations = 0;
        for (int b = 0; b < MAX_BATCHES && counts[b] > 0; b++) {
            means[b] = sums[b] / counts[b];
            iterations += counts[b];
            batches++;
        }
        if (batches < MIN_BATCHES) {
            return new AveragingVerdict(AveragingVerdict.Kind.TOO_FEW, Double.NaN, Double.NaN, batches, iterations,
                    options.confidence());
        }
        double t = BatchMeans.slope(means, batches).t();
        double critical = new TDistribution(batches - 2).inverseCumulativeProbability(options.confidence());
        AveragingVerdict.Kind kind = t < -critical ? AveragingVerdict.Kind.DESCENDING : AveragingVerdict.Kind.AVERAGE;
        return new AveragingVerdict(kind, t, critical, batches, iterations, options.confidence());
    }

    private void open(long start, long length) {
        windowStart = start;
        windowLength = length;
        period = Math.max(MIN_PERIOD, (length + options.samples() - 1) / options.samples());
        int batches = (int) Math.max(MIN_BATCHES, Math.min(MAX_BATCHES, (long) Math.sqrt(length)));
        batchLength = Math.max(1, (length + batches - 1) / batches);
        Arrays.fill(sums, 0);
        Arrays.fill(counts, 0);
    }

    private void close() {
        windowStart = Long.MAX_VALUE;
        Arrays.fill(sums, 0);
        Arrays.fill(counts, 0);
    }
}
