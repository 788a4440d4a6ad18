package org.terrain4j.study.store;

import java.util.List;
import java.util.Optional;

/**
 * Studies and their trials, persistent. Every write is one transaction: a process killed at any
 * moment leaves each trial either as it was or as written. Implementations are safe to call
 * from several threads; {@link JdbcStudyStore} on PostgreSQL is also safe for several processes
 * on one study (trial numbers are claimed atomically).
 */
public interface StudyStore extends AutoCloseable {

    /**
     * Creates the study, or returns the stored one when its space and direction are the same.
     *
     * @throws StoreException when a study of that name exists with another space or direction
     */
    StudyDefinition open(StudyDefinition definition);

    /** The study of that name, if there is one. */
    Optional<StudyDefinition> find(String study);

    /**
     * Fails a running trial whose process died as abandoned, retried or given up.
     *
     * @return false when the trial was not running
     */
    boolean abandon(String study, int number, boolean retried, String reason);

    /** Every study with its counts, by name. */
    List<StudySummary> studies();

    /**
     * Claims the study's next trial number and records the trial as running on {@code worker}.
     *
     * @param isolated whether the trial trains in a process of its own (see {@link StoredTrial#isolated})
     * @param retryOf the number of the abandoned trial it trains again, or null
     * @return the new trial
     */
    StoredTrial start(String study, double[] point, String parameters, String worker, boolean isolated, Integer retryOf);

    /** A trial that retrains nothing (see {@link #start(String, double[], String, String, boolean, Integer)}). */
    default StoredTrial start(String study, double[] point, String parameters, String worker, boolean isolated) {
        return start(study, point, parameters, worker, isolated, null);
    }

    /** A trial trained in {@code worker}'s own process that retrains nothing. */
    default StoredTrial start(String study, double[] point, String parameters, String worker) {
        return start(study, point, parameters, worker, false, null);
    }

    /** Records that {@code worker} is alive: the heartbeat of each of its running trials is now. */
    void heartbeat(String study, String worker);

    /** Records the score of trial {@code number} after epoch {@code step}, 1 or more (replacing an earlier one). */
    void report(String study, int number, int step, double value);

    /**
     * Finishes a running trial.
     *
     * @param state COMPLETE, PRUNED or FAILED
     * @return false when the trial was not running (finished before, e.g. failed as abandoned)
     */
    boolean finish(String study, int number, TrialState state, Double score, String reason);

    /**
     * Records the learning-rate decisions Terrain took in trial {@code number}, in order,
     * replacing any recorded before (a trial records them once, when it stops training).
     * At most {@value #MAX_DECISIONS} are kept: the first ones and the last.
     */
    void recordDecisions(String study, int number, List<TrialDecision> decisions);

    /** The decisions recorded for every trial of the study, by trial number (trials without any are absent). */
    java.util.Map<Integer, List<TrialDecision>> decisions(String study);

    /** Most decisions kept for one trial. */
    int MAX_DECISIONS = 200;

    /** The decisions a store keeps of {@code decisions}: all, or the first {@code MAX_DECISIONS - 1} and the last. */
    static List<TrialDecision> bounded(List<TrialDecision> decisions) {
        if (decisions.size() <= MAX_DECISIONS) {
            return List.copyOf(decisions);
        }
        List<TrialDecision> kept = new java.util.ArrayList<>(decisions.subList(0, MAX_DECISIONS - 1));
        kept.add(decisions.get(decisions.size() - 1));
        return List.copyOf(kept);
    }

    /** Every trial of the study with its intermediate scores, by number. */
    List<StoredTrial> trials(String study);

    /**
     * Trial {@code number}'s per-epoch scores, as {@link StoredTrial#intermediate()} has them;
     * empty when the study or trial does not exist. The stores read one trial; this default, for
     * stores written before it, reads the study's every trial.
     */
    default List<Double> intermediate(String study, int number) {
        return trials(study).stream().filter(t -> t.number() == number).findFirst()
                .map(StoredTrial::intermediate).orElse(List.of());
    }

    /** Where the store is, for other processes (Spark executors) to open it too. */
    StoreLocation location();

    @Override
    void close();
}
