package org.terrain4j.study.run;

import java.util.List;
import java.util.Optional;
import org.deeplearning4j.arbiter.optimize.api.saving.ResultReference;
import org.deeplearning4j.arbiter.optimize.config.OptimizationConfiguration;
import org.deeplearning4j.arbiter.optimize.runner.CandidateInfo;
import org.deeplearning4j.arbiter.optimize.runner.IOptimizationRunner;
import org.deeplearning4j.arbiter.optimize.runner.listener.StatusListener;
import org.terrain4j.arbiter.EpochReporter;
import org.terrain4j.listeners.TerrainListener;
import org.terrain4j.study.store.StudyStore;

/**
 * The runner a Terrain task sees in another process (a Spark executor, a worker): the
 * configuration carries only the result saver (the best-model folder), and each epoch goes to
 * the study store through that process's own connection, where the pruner decides. The
 * {@link StudyRunner} does the rest.
 */
final class DetachedRunner implements IOptimizationRunner, EpochReporter {

    private final OptimizationConfiguration configuration;
    private final StudyStore store;
    private final EpochPruning pruning;
    private final int trialNumber;
    private String prunedReason;

    DetachedRunner(OptimizationConfiguration configuration, StudyStore store, EpochPruning pruning, int trialNumber) {
        this.configuration = configuration;
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

    @Override
    public OptimizationConfiguration getConfiguration() {
        return configuration;
    }

    @Override
    public void execute() {
        throw new UnsupportedOperationException("a detached runner only serves one task");
    }

    @Override
    public int numCandidatesTotal() {
        return 1;
    }

    @Override
    public int numCandidatesCompleted() {
        return 0;
    }

    @Override
    public int numCandidatesFailed() {
        return 0;
    }

    @Override
    public int numCandidatesQueued() {
        return 1;
    }

    @Override
    public Double bestScore() {
        return null;
    }

    @Override
    public Long bestScoreTime() {
        return null;
    }

    @Override
    public int bestScoreCandidateIndex() {
        return -1;
    }

    @Override
    public List<ResultReference> getResults() {
        return List.of();
    }

    @Override
    public void addListeners(StatusListener... listeners) {
        // status listeners live with the StudyRunner
    }

    @Override
    public void removeListeners(StatusListener... listeners) {
        // status listeners live with the StudyRunner
    }

    @Override
    public void removeAllListeners() {
        // status listeners live with the StudyRunner
    }

    @Override
    public List<CandidateInfo> getCandidateStatus() {
        return List.of();
    }

    @Override
    public void shutdown(boolean awaitCompletion) {
        // nothing to stop
    }
}
