package org.terrain4j.search.arbiter;

import java.util.Map;
import java.util.Objects;
import org.deeplearning4j.arbiter.optimize.api.ParameterSpace;
import org.terrain4j.search.Sampler;
import org.terrain4j.search.space.SearchSpace;
import org.terrain4j.search.tpe.TpeOptions;
import org.terrain4j.search.tpe.TpeSampler;

/**
 * The tree-structured Parzen estimator for Arbiter, with Optuna 3.1's defaults (random start-up
 * of 10 trials, 24 candidates, prior weight 1) and the constant liar for concurrent
 * candidates. Drops in where {@code RandomSearchGenerator} stood:
 * {@code new TpeSearchGenerator(space, dataParameters)} or
 * {@code TpeSearchGenerator.builder(space).scoreFunction(f).seed(7).build()}. See
 * {@link SamplingCandidateGenerator} for failures, duplicates and the end of a finite space.
 */
public final class TpeSearchGenerator extends SamplingCandidateGenerator {

    private final TpeOptions options;

    /** Minimizes, seed 0, Optuna's defaults. */
    public TpeSearchGenerator(ParameterSpace<?> parameterSpace, Map<String, Object> dataParameters) {
        this(builder(parameterSpace).dataParameters(dataParameters));
    }

    private TpeSearchGenerator(Builder b) {
        super(b.parameterSpace, b.dataParameters, b.minimize, b.seed, b.maxConsecutiveFailures);
        int startup = b.resolvedStartupTrials(b.options.startupTrials());
        this.options = new TpeOptions(startup, b.options.eiCandidates(), b.options.priorWeight(), b.options.magicClip(),
                b.options.constantLiar());
    }

    /** A builder over {@code parameterSpace}. */
    public static Builder builder(ParameterSpace<?> parameterSpace) {
        return new Builder(parameterSpace);
    }

    /** The options in use. */
    public TpeOptions options() {
        return options;
    }

    @Override
    protected Sampler newSampler(SearchSpace space, long seed) {
        return new TpeSampler(options);
    }

    @Override
    public String toString() {
        return "TpeSearchGenerator(startup " + options.startupTrials() + ", seed " + seed() + ")";
    }

    /** Options of a {@link TpeSearchGenerator}: the shared ones of {@link GeneratorBuilder} and the model's. */
    public static final class Builder extends GeneratorBuilder<Builder> {
        private TpeOptions options = TpeOptions.OPTUNA_DEFAULTS;

        private Builder(ParameterSpace<?> parameterSpace) {
            super(parameterSpace);
        }

        /** The model options (the start-up count here is overridden by {@link #startupTrials}). */
        public Builder options(TpeOptions options) {
            this.options = Objects.requireNonNull(options, "options");
            return this;
        }

        /** The generator. */
        public TpeSearchGenerator build() {
            return new TpeSearchGenerator(this);
        }
    }
}
