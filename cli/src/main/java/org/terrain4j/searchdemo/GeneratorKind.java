package org.terrain4j.searchdemo;

import org.deeplearning4j.arbiter.optimize.api.CandidateGenerator;
import org.deeplearning4j.arbiter.optimize.api.ParameterSpace;
import org.deeplearning4j.arbiter.optimize.api.score.ScoreFunction;
import org.deeplearning4j.arbiter.optimize.generator.RandomSearchGenerator;
import org.terrain4j.search.arbiter.BayesianSearchGenerator;
import org.terrain4j.search.arbiter.MultiFidelityTpeGenerator;
import org.terrain4j.search.arbiter.TpeSearchGenerator;
import org.terrain4j.search.gp.GpOptions;

/** The generators {@code terrain search} offers. */
public enum GeneratorKind {
    /** Arbiter's own random search. */
    RANDOM,
    /** Terrain's Gaussian-process generator. */
    BAYESIAN,
    /** Terrain's tree-structured Parzen estimator. */
    TPE,
    /** The TPE fitted per budget on every epoch of every trial, as BOHB: for searches with a pruner. */
    BOHB,
    /** A Gaussian process over (configuration, epoch) on every epoch of every trial: for searches with a pruner. */
    MFGP;

    /**
     * Whether the generator is a Gaussian process, which {@link GpOptions} configure (the cost
     * exponent, the refit growth).
     */
    public boolean gaussianProcess() {
        return this == BAYESIAN || this == MFGP;
    }

    /**
     * A generator of this kind over {@code space}, following {@code score}'s direction, for
     * {@code budget} trials; a {@link #gaussianProcess} one with {@code gpOptions}, the others ignore them.
     */
    public CandidateGenerator create(ParameterSpace<?> space, ScoreFunction score, long seed, int budget,
            GpOptions gpOptions) {
        return switch (this) {
            case RANDOM -> {
                RandomSearchGenerator random = new RandomSearchGenerator(space, null);
                random.setRngSeed(seed);
                yield random;
            }
            case BAYESIAN -> BayesianSearchGenerator.builder(space).scoreFunction(score).seed(seed).budget(budget)
                    .options(gpOptions).build();
            case TPE -> TpeSearchGenerator.builder(space).scoreFunction(score).seed(seed).budget(budget).build();
            case BOHB -> MultiFidelityTpeGenerator.builder(space).scoreFunction(score).seed(seed).budget(budget).build();
            case MFGP -> BayesianSearchGenerator.builder(space).scoreFunction(score).seed(seed).budget(budget)
                    .options(gpOptions).multiFidelity().build();
        };
    }
}
