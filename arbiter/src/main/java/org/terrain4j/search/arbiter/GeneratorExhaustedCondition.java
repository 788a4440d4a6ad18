package org.terrain4j.search.arbiter;

import org.deeplearning4j.arbiter.optimize.api.termination.TerminationCondition;
import org.deeplearning4j.arbiter.optimize.runner.IOptimizationRunner;

/**
 * Ends a search when its generator has no more candidates and nothing is running. Arbiter's
 * runner otherwise polls forever once a generator runs dry (a finite space fully explored, a
 * grid finished, a generator stopped after repeated failures).
 */
public final class GeneratorExhaustedCondition implements TerminationCondition {

    @Override
    public void initialize(IOptimizationRunner optimizationRunner) {
        // nothing to set up
    }

    @Override
    public boolean terminate(IOptimizationRunner runner) {
        return !runner.getConfiguration().getCandidateGenerator().hasMoreCandidates()
                && runner.numCandidatesQueued() == 0;
    }

    @Override
    public String toString() {
        return "GeneratorExhaustedCondition";
    }
}
