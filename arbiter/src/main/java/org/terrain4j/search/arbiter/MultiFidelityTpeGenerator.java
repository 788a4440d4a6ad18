package org.terrain4j.search.arbiter;

import java.util.Objects;
import org.deeplearning4j.arbiter.optimize.api.ParameterSpace;
import org.terrain4j.search.Sampler;
import org.terrain4j.search.space.SearchSpace;
import org.terrain4j.search.tpe.MultiFidelityTpeSampler;
import org.terrain4j.search.tpe.TpeOptions;

/**
 * A TPE that learns from every epoch of every trial, as BOHB fits its model per budget
 * ({@link MultiFidelityTpeSampler}): made for searches whose pruner (ASHA, Hyperband) stops most
 * trials early. Each epoch's score reaches it through {@link #reportIntermediate}, which a
 * {@code StudyRunner} calls for every trial it records; driven without per-epoch scores, it is
 * the plain TPE. Optuna 3.1's TPE defaults, BOHB's third of uniform proposals:
 * {@code MultiFidelityTpeGenerator.builder(space).scoreFunction(f).seed(7).build()}.
 */
public final class MultiFidelityTpeGenerator extends SamplingCandidateGenerator {

    private final TpeOptions options;
    private final double randomFraction;

    private MultiFidelityTpeGenerator(Builder b) {
        super(b.parameterSpace, b.dataParameters, b.minimize, b.seed, b.maxConsecutiveFailures);
        int startup = b.resolvedStartupTrials(b.options.startupTrials());
        this.options = new TpeOptions(startup, b.options.eiCandidates(), b.options.priorWeight(), b.options.magicClip(),
                b.options.constantLiar());
        this.randomFraction = b.randomFraction;
    }

    /** A builder over {@code parameterSpace}. */
    public static Builder builder(ParameterSpace<?> parameterSpace) {
        return new Builder(parameterSpace);
    }

    @Override
    protected Sampler newSampler(SearchSpace space, long seed) {
        return new MultiFidelityTpeSampler(options, randomFraction);
    }

    @Override
    public String toString() {
        return "MultiFidelityTpeGenerator(startup " + options.startupTrials() + ", random " + randomFraction + ", seed "
                + seed() + ")";
    }

    /** Options of a {@link MultiFidelityTpeGenerator}: the shared ones of {@link GeneratorBuilder} and the model's. */
    public static final class Builder extends GeneratorBuilder<Builder> {
        private TpeOptions options = TpeOptions.OPTUNA_DEFAULTS;
        private double randomFraction = MultiFidelityTpeSampler.DEFAULT_RANDOM_FRACTION;

        private Builder(ParameterSpace<?> parameterSpace) {
            super(parameterSpace);
        }

        /** The TPE's options (the start-up count here is overridden by {@link #startupTrials}). */
        public Builder options(TpeOptions options) {
            this.options = Objects.requireNonNull(options, "options");
            return this;
        }

        /** The share of uniform proposals once a model is fitted, in [0, 1); BOHB's 1/3 by default. */
        public Builder randomFraction(double fraction) {
            if (!(fraction >= 0 && fraction < 1)) {
                throw new IllegalArgumentException("randomFraction must be in [0, 1), got " + fraction);
            }
            this.randomFraction = fraction;
            return this;
        }

        /** The generator. */
        public MultiFidelityTpeGenerator build() {
            return new MultiFidelityTpeGenerator(this);
        }
    }
}
