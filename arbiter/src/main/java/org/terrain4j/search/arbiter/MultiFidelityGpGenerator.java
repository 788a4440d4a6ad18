package org.terrain4j.search.arbiter;

import java.util.Objects;
import org.deeplearning4j.arbiter.optimize.api.ParameterSpace;
import org.terrain4j.search.Sampler;
import org.terrain4j.search.SobolDesign;
import org.terrain4j.search.StartupThenModel;
import org.terrain4j.search.gp.GpOptions;
import org.terrain4j.search.gp.MultiFidelityGpSampler;
import org.terrain4j.search.space.SearchSpace;

/**
 * A Gaussian process over (configuration, epoch) that learns from every epoch of every trial
 * ({@link MultiFidelityGpSampler}): made for searches whose pruner (ASHA, Hyperband) stops most
 * trials early. Each epoch's score reaches it through {@link #reportIntermediate}, which a
 * {@code StudyRunner} calls for every trial it records; driven without per-epoch scores, it is
 * the {@link BayesianSearchGenerator}. A Sobol design for the first trials, as there:
 * {@code MultiFidelityGpGenerator.builder(space).scoreFunction(f).seed(7).build()}.
 */
public final class MultiFidelityGpGenerator extends SamplingCandidateGenerator {

    private final GpOptions options;
    private final int startupTrials;

    private MultiFidelityGpGenerator(Builder b) {
        super(b.parameterSpace, b.dataParameters, b.minimize, b.seed, b.maxConsecutiveFailures);
        this.options = b.options;
        this.startupTrials = b.resolvedStartupTrials(BayesianSearchGenerator.defaultStartupTrials(searchSpace().size()));
    }

    /** A builder over {@code parameterSpace}. */
    public static Builder builder(ParameterSpace<?> parameterSpace) {
        return new Builder(parameterSpace);
    }

    @Override
    protected Sampler newSampler(SearchSpace space, long seed) {
        return new StartupThenModel(new SobolDesign(space.size(), seed), startupTrials, new MultiFidelityGpSampler(options));
    }

    @Override
    public String toString() {
        return "MultiFidelityGpGenerator(" + options.acquisition() + ", startup " + startupTrials + ", seed " + seed() + ")";
    }

    /** Options of a {@link MultiFidelityGpGenerator}: the shared ones of {@link GeneratorBuilder} and the model's. */
    public static final class Builder extends GeneratorBuilder<Builder> {
        private GpOptions options = GpOptions.DEFAULTS;

        private Builder(ParameterSpace<?> parameterSpace) {
            super(parameterSpace);
        }

        /** All model options at once. */
        public Builder options(GpOptions options) {
            this.options = Objects.requireNonNull(options, "options");
            return this;
        }

        /** The generator. */
        public MultiFidelityGpGenerator build() {
            return new MultiFidelityGpGenerator(this);
        }
    }
}
