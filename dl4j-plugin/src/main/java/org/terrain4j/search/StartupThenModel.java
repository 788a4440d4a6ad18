package org.terrain4j.search;

import java.util.SplittableRandom;

/**
 * A sampler that proposes from a start-up design until {@code startupTrials} trials are
 * complete, then from a model (Optuna's composition of a start-up sampler and a model-based one).
 *
 * @param startup the design, e.g. {@link SobolDesign}
 * @param startupTrials complete trials before the model takes over, at least 1
 * @param model the model-based sampler
 */
public record StartupThenModel(Sampler startup, int startupTrials, Sampler model) implements Sampler {

    /** Validates. */
    public StartupThenModel {
        if (startupTrials < 1) {
            throw new IllegalArgumentException("startupTrials must be >= 1, got " + startupTrials);
        }
    }

    @Override
    public double[] propose(SearchHistory history, SplittableRandom random) {
        return history.completeCount() < startupTrials ? startup.propose(history, random) : model.propose(history, random);
    }
}
