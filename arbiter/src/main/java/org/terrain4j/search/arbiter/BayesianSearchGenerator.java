package org.terrain4j.search.arbiter;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.deeplearning4j.arbiter.optimize.api.ParameterSpace;
import org.terrain4j.search.Sampler;
import org.terrain4j.search.SobolDesign;
import org.terrain4j.search.StartupThenModel;
import org.terrain4j.search.gp.Acquisition;
import org.terrain4j.search.gp.GpOptions;
import org.terrain4j.search.gp.GpSampler;
import org.terrain4j.search.gp.Kernel;
import org.terrain4j.search.gp.MultiFidelityGpSampler;
import org.terrain4j.search.gp.PendingPolicy;
import org.terrain4j.search.space.SearchSpace;

/**
 * Bayesian optimization for Arbiter: a seeded Sobol design for the first trials, then a
 * Gaussian process (Matern 5/2, one length scale per coordinate, fitted by marginal likelihood
 * after every result) and expected improvement. Drops in where {@code RandomSearchGenerator}
 * stood:
 * <pre>{@code
 * CandidateGenerator generator = new BayesianSearchGenerator(space, dataParameters);
 * // or, with options:
 * CandidateGenerator generator = BayesianSearchGenerator.builder(space)
 *         .scoreFunction(scoreFunction).seed(42).startupTrials(8).build();
 * }</pre>
 * The two-argument constructor minimizes the score (Arbiter's loss-type score functions); give
 * the score function (or {@code minimize(false)}) when a larger score is better. See
 * {@link SamplingCandidateGenerator} for failures, duplicates and the end of a finite space,
 * and {@link GpSampler} for the model.
 *
 * <p>With {@link Builder#multiFidelity()} it learns from every epoch of every trial, pruned ones
 * included: a Gaussian process over (configuration, epoch) and expected improvement at the largest
 * epoch ({@link MultiFidelityGpSampler}), for searches whose pruner (ASHA, Hyperband) stops most
 * trials early. Each epoch's score reaches it through {@link #reportIntermediate}, which a
 * {@code StudyRunner} calls for every trial it records; without per-epoch scores it is the plain
 * model.
 *
 * <p>It can rank configurations by expected improvement per second of training
 * ({@link Builder#costExponent}; by default it ignores time): each trial's duration (Arbiter's
 * {@code CandidateInfo} start and end, or the study store's) teaches a second Gaussian process what
 * a trial of a configuration costs, and of two configurations the model rates alike the cheaper
 * goes first. Where the fastest configurations are poor ones that can cost more time than it saves
 * ({@code CostModel} in the gp package has the measurement).
 */
public final class BayesianSearchGenerator extends SamplingCandidateGenerator {

    private final GpOptions options;
    private final Integer startupTrials;
    private final boolean multiFidelity;

    /** Minimizes, seed 0, default options. */
    public BayesianSearchGenerator(ParameterSpace<?> parameterSpace, Map<String, Object> dataParameters) {
        this(builder(parameterSpace).dataParameters(dataParameters));
    }

    private BayesianSearchGenerator(Builder b) {
        super(b.parameterSpace, b.dataParameters, b.minimize, b.seed, b.maxConsecutiveFailures);
        this.options = b.options;
        this.startupTrials = b.resolvedStartupTrials(defaultStartupTrials(searchSpace().size()));
        this.multiFidelity = b.multiFidelity;
    }

    /** Sobol points before the model: {@code 2d} within [5, 20]. */
    static int defaultStartupTrials(int dimension) {
        return Math.min(20, Math.max(5, 2 * dimension));
    }

    /** A builder over {@code parameterSpace}. */
    public static Builder builder(ParameterSpace<?> parameterSpace) {
        return new Builder(parameterSpace);
    }

    /** The number of design points before the model is used. */
    public int startupTrials() {
        return startupTrials;
    }

    @Override
    protected Sampler newSampler(SearchSpace space, long seed) {
        return new StartupThenModel(new SobolDesign(space.size(), seed), startupTrials,
                multiFidelity ? new MultiFidelityGpSampler(options) : new GpSampler(options));
    }

    @Override
    public String toString() {
        return "BayesianSearchGenerator(" + options.acquisition() + (multiFidelity ? ", multi-fidelity" : "")
                + ", startup " + startupTrials + ", seed " + seed() + ")";
    }

    /** Options of a {@link BayesianSearchGenerator}: the shared ones of {@link GeneratorBuilder} and the model's. */
    public static final class Builder extends GeneratorBuilder<Builder> {
        private GpOptions options = GpOptions.DEFAULTS;
        private boolean multiFidelity;

        private Builder(ParameterSpace<?> parameterSpace) {
            super(parameterSpace);
        }

        /** All model options at once. */
        public Builder options(GpOptions options) {
            this.options = Objects.requireNonNull(options, "options");
            return this;
        }

        /** The acquisition function (default expected improvement). */
        public Builder acquisition(Acquisition acquisition) {
            this.options = options.withAcquisition(acquisition);
            return this;
        }

        /** What to assume about candidates still running (default kriging believer). */
        public Builder pendingPolicy(PendingPolicy pendingPolicy) {
            this.options = options.withPendingPolicy(pendingPolicy);
            return this;
        }

        /** The covariance shapes to choose among at each proposal (default: product and additive). */
        public Builder kernels(Set<Kernel> kernels) {
            this.options = options.withKernels(kernels);
            return this;
        }

        /**
         * How much a configuration's training time counts (default 0: ignored; 1 is expected
         * improvement per second, learnt from the trials' durations). See {@code GpOptions.costExponent}.
         */
        public Builder costExponent(double costExponent) {
            this.options = options.withCostExponent(costExponent);
            return this;
        }

        /**
         * Refit the hyperparameters only once the observations (the multi-fidelity GP's rows) have
         * grown by this factor, from 1 (the default: at every proposal) to 1.1: cheaper proposals for
         * searches of many short trials, at a cost in regret on some objectives. See
         * {@code GpOptions.refitGrowth}.
         */
        public Builder refitGrowth(double refitGrowth) {
            this.options = options.withRefitGrowth(refitGrowth);
            return this;
        }

        /**
         * Learn from every epoch of every trial: a Gaussian process over (configuration, epoch),
         * for searches with a pruner ({@link MultiFidelityGpSampler}).
         */
        public Builder multiFidelity() {
            this.multiFidelity = true;
            return this;
        }

        /** The generator. */
        public BayesianSearchGenerator build() {
            return new BayesianSearchGenerator(this);
        }
    }
}
