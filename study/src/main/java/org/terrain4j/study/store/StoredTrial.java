package org.terrain4j.study.store;

import java.util.List;

/**
 * One trial as the store keeps it.
 *
 * @param number the trial's number in its study (0, 1, 2, ... in the order they were claimed)
 * @param state where it is
 * @param point the generator's coordinates of the candidate (its flat parameters)
 * @param parameters the candidate described for people
 * @param score the final score; the last intermediate one when pruned; null when failed or running
 * @param reason why it failed or was pruned, else null
 * @param worker the host:pid that ran it
 * @param startedAt when it was claimed (epoch ms)
 * @param heartbeatAt the last heartbeat (epoch ms)
 * @param finishedAt when it finished (epoch ms), or null
 * @param intermediate the per-epoch scores by step, epoch 1 first; an epoch that reported no score
 *                     (it scored NaN) is NaN, so every later one keeps its place
 * @param isolated whether it trained in a process of its own (a worker process), so that the death
 *                 of the process that recorded it says nothing about its configuration
 * @param retryOf the number of the abandoned trial it trains again, or null
 * @param abandonment whether it was abandoned (failed because its process died) and retried
 * @param provenance what the process that claimed it ran on ({@link Provenance}, as JSON text), or
 *                   empty for trials stored before provenance was recorded
 */
public record StoredTrial(int number, TrialState state, double[] point, String parameters, Double score,
        String reason, String worker, long startedAt, long heartbeatAt, Long finishedAt, List<Double> intermediate,
        boolean isolated, Integer retryOf, Abandonment abandonment, String provenance) {

    /** A trial without a recorded provenance. */
    public StoredTrial(int number, TrialState state, double[] point, String parameters, Double score, String reason,
                       String worker, long startedAt, long heartbeatAt, Long finishedAt, List<Double> intermediate,
                       boolean isolated, Integer retryOf, Abandonment abandonment) {
        this(number, state, point, parameters, score, reason, worker, startedAt, heartbeatAt, finishedAt, intermediate,
                isolated, retryOf, abandonment, "");
    }

    /** Seconds from start to finish (or to the last heartbeat while running). */
    public double seconds() {
        return ((finishedAt == null ? heartbeatAt : finishedAt) - startedAt) / 1000.0;
    }
}
