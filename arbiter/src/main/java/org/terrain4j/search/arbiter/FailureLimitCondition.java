package org.terrain4j.search.arbiter;

import org.deeplearning4j.arbiter.optimize.api.termination.TerminationCondition;
import org.deeplearning4j.arbiter.optimize.runner.IOptimizationRunner;

/**
 * Ends a search after {@code maxFailures} candidates failed in a row (no candidate completed in
 * between), counting every failure Arbiter's runner sees, including tasks that threw. When
 * every candidate fails (a broken data source, a configuration the network cannot build) the
 * search stops instead of burning its whole budget.
 */
public final class FailureLimitCondition implements TerminationCondition {

    private final int maxFailures;
    private int completedSeen;
    private int failuresAtLastCompletion;

    /** @param maxFailures failures in a row that end the search, at least 1 */
    public FailureLimitCondition(int maxFailures) {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("maxFailures must be >= 1, got " + maxFailures);
        }
        this.maxFailures = maxFailures;
    }

    @Override
    public void initialize(IOptimizationRunner runner) {
        completedSeen = runner.numCandidatesCompleted();
        failuresAtLastCompletion = runner.numCandidatesFailed();
    }

    @Override
    public boolean terminate(IOptimizationRunner runner) {
        if (runner.numCandidatesCompleted() != completedSeen) {
            completedSeen = runner.numCandidatesCompleted();
            failuresAtLastCompletion = runner.numCandidatesFailed();
        }
        return runner.numCandidatesFailed() - failuresAtLastCompletion >= maxFailures;
    }

    @Override
    public String toString() {
        return "FailureLimitCondition(" + maxFailures + " failures in a row)";
    }
}
