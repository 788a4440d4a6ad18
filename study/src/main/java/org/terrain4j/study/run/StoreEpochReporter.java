package org.terrain4j.study.run;

import java.util.Optional;
import org.terrain4j.arbiter.EpochReporter;
import org.terrain4j.listeners.TerrainListener;
import org.terrain4j.study.store.StudyStore;

/**
 * The epoch reporter of one trial that trains in another process (a worker, a Spark executor):
 * each epoch's score goes to the study store through that process's own connection, where the
 * pruner decides, and the listener's decisions are recorded when training ends.
 */
final class StoreEpochReporter implements EpochReporter {

    private final StudyStore store;
    private final EpochPruning pruning;
    private final int trialNumber;
    private String prunedReason;

    StoreEpochReporter(StudyStore store, EpochPruning pruning, int trialNumber) {
        this.store = store;
        this.pruning = pruning;
        this.trialNumber = trialNumber;
    }

    @Override
    public Optional<String> afterEpoch(int candidateIndex, int epoch, double score) {
        Optional<String> reason = pruning.afterEpoch(store, trialNumber, epoch, score);
        reason.ifPresent(r -> prunedReason = r);
        return reason;
    }

    @Override
    public void afterTraining(int candidateIndex, TerrainListener listener) {
        store.recordDecisions(pruning.study(), trialNumber, TrialDecisions.of(listener));
    }

    /** Why the pruner stopped the trial, or null. */
    String prunedReason() {
        return prunedReason;
    }
}
