package org.terrain4j.control;

/**
 * When to spend Hessian-vector products: when the cheap statistics suggest stalling (at most
 * once per {@code stallingGap} iterations), every {@code period} iterations regardless, or on
 * demand; never while probes have taken more than {@code budget} of the training time so far.
 *
 * @param period iterations between periodic probes, positive
 * @param stallingGap least iterations between stalling-triggered probes, positive
 * @param budget the largest share of wall-clock time probes may take, in (0, 1)
 */
public record ProbeSchedule(int period, int stallingGap, double budget) {

    /** A probe every 1000 iterations, at most one per 100 when stalling, and at most 5% of the time. */
    public static final ProbeSchedule DEFAULTS = new ProbeSchedule(1000, 100, 0.05);

    /** Validates, naming the bad parameter. */
    public ProbeSchedule {
        if (period <= 0) {
            throw new IllegalArgumentException("probe period must be positive, got " + period);
        }
        if (stallingGap <= 0) {
            throw new IllegalArgumentException("stallingGap must be positive, got " + stallingGap);
        }
        if (!(budget > 0 && budget < 1)) {
            throw new IllegalArgumentException("probe budget must be in (0, 1), got " + budget);
        }
    }

    /**
     * Whether to probe after this iteration.
     *
     * @param iteration the iteration that just finished (from 0)
     * @param stalling whether cheap statistics suggest stalling
     * @param requested whether a probe was asked for
     * @param lastProbe the iteration of the last probe, or -1
     * @param probeNanos time spent probing so far
     * @param totalNanos time since training started
     */
    public boolean due(long iteration, boolean stalling, boolean requested, long lastProbe, long probeNanos,
                       long totalNanos) {
        if (requested) {
            return true;
        }
        if (totalNanos > 0 && probeNanos > budget * totalNanos) {
            return false;
        }
        if ((iteration + 1) % period == 0) {
            return true;
        }
        return stalling && (lastProbe < 0 || iteration - lastProbe >= stallingGap);
    }
}
