package org.terrain4j.control;

/**
 * When to keep a rollback snapshot and what learning rate to resume at after a rollback: the
 * decisions of divergence rollback, pure, on plain values. The listener keeps the buffers and
 * applies what this says.
 *
 * <p>Snapshots are considered every {@code every} iterations, before the updater step (only
 * there is the loss of the kept parameters known: a step with a rate far too high blows up the
 * parameters while its own loss still looked fine). One is kept when the smoothed loss is within
 * {@value #HEALTHY_LOSS_FACTOR} times its best, or, once the last snapshot is
 * {@value #STALE_PERIODS} periods old, within that factor of the snapshot's own: after a fault
 * that left the loss above its best for good, the snapshot is refreshed instead of growing ever
 * older (a rollback then lost thousands of iterations), and a loss rising faster than that is
 * still kept out. Never at an iteration whose rate has just risen: its rates are not yet known
 * to train, and a rollback resumes from the snapshot's rates.
 *
 * <p>After a rollback each rate becomes {@code factor} times the lower of its rate now and its
 * rate at the snapshot (a rate raised since is the likely cause; the rate then is known to have
 * trained), except when the diverged batch itself held NaN or infinity: then the data is the
 * cause and the rate is kept (one cut per bad batch drove the rate towards zero).
 *
 * @param every iterations between snapshots, at least 1
 * @param factor learning-rate factor after a rollback, in (0, 1)
 */
public record RollbackPolicy(int every, double factor) {

    /** A snapshot every 100 iterations; half the rate after a rollback. */
    public static final RollbackPolicy DEFAULTS = new RollbackPolicy(100, 0.5);

    /** How far above its best (or a stale snapshot's) the smoothed loss may be for a snapshot. */
    public static final double HEALTHY_LOSS_FACTOR = 1.5;

    /** Snapshot periods after which a snapshot counts as stale. */
    public static final int STALE_PERIODS = 10;

    /** Validates, naming the bad option. */
    public RollbackPolicy {
        if (every < 1) {
            throw new IllegalArgumentException("rollback every must be at least 1 iteration, got " + every);
        }
        if (!(factor > 0 && factor < 1)) {
            throw new IllegalArgumentException("rollback factor must be in (0, 1), got " + factor);
        }
    }

    /**
     * Whether to keep a snapshot at the start of {@code iteration}.
     *
     * @param rateJustRose whether the rate rose at this iteration and has not trained yet
     * @param smoothedLoss the smoothed loss (NaN before the first)
     * @param bestSmoothedLoss its best so far
     * @param snapshotIteration the iteration of the snapshot kept now, or -1 for none
     * @param snapshotSmoothedLoss the smoothed loss of that snapshot
     */
    public boolean keepSnapshot(long iteration, boolean rateJustRose, double smoothedLoss, double bestSmoothedLoss,
                                long snapshotIteration, double snapshotSmoothedLoss) {
        if (rateJustRose || iteration % every != 0) {
            return false;
        }
        boolean nearBest = Double.isNaN(smoothedLoss) || smoothedLoss <= HEALTHY_LOSS_FACTOR * bestSmoothedLoss;
        boolean staleButSteady = snapshotIteration >= 0
                && iteration - snapshotIteration >= (long) STALE_PERIODS * every
                && smoothedLoss <= HEALTHY_LOSS_FACTOR * snapshotSmoothedLoss;
        return nearBest || staleButSteady;
    }

    /**
     * The factor for a layer's rate after a rollback.
     *
     * @param now the rate now
     * @param atSnapshot the rate when the snapshot was taken (NaN when unknown: just {@code factor})
     * @param badBatch whether the diverged iteration's own batch held NaN or infinity
     */
    public double rateFactor(double now, double atSnapshot, boolean badBatch) {
        if (badBatch) {
            return 1.0;
        }
        return atSnapshot < now ? factor * atSnapshot / now : factor;
    }
}
