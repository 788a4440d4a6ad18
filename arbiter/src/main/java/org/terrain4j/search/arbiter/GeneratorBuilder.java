package org.terrain4j.search.arbiter;

import java.util.Map;
import java.util.Objects;
import org.deeplearning4j.arbiter.optimize.api.ParameterSpace;
import org.deeplearning4j.arbiter.optimize.api.score.ScoreFunction;

/**
 * The options every {@link SamplingCandidateGenerator} shares; each generator's builder adds its
 * model's options. Every option has a default.
 *
 * @param <B> the concrete builder, returned by each setter
 */
public abstract class GeneratorBuilder<B extends GeneratorBuilder<B>> {

    final ParameterSpace<?> parameterSpace;
    Map<String, Object> dataParameters;
    boolean minimize = true;
    long seed;
    Integer startupTrials;
    Integer budget;
    int maxConsecutiveFailures = 10;

    GeneratorBuilder(ParameterSpace<?> parameterSpace) {
        this.parameterSpace = Objects.requireNonNull(parameterSpace, "parameterSpace");
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /** Passed to every candidate, as with {@code RandomSearchGenerator}. */
    public B dataParameters(Map<String, Object> dataParameters) {
        this.dataParameters = dataParameters;
        return self();
    }

    /** Follow this score function's direction. */
    public B scoreFunction(ScoreFunction scoreFunction) {
        this.minimize = scoreFunction.minimize();
        return self();
    }

    /** Whether lower scores are better (default true). */
    public B minimize(boolean minimize) {
        this.minimize = minimize;
        return self();
    }

    /** The seed of every random choice (default 0). */
    public B seed(long seed) {
        this.seed = seed;
        return self();
    }

    /** Trials before the model is used (each generator has its default, at most half the budget). */
    public B startupTrials(int startupTrials) {
        this.startupTrials = startupTrials;
        return self();
    }

    /** The number of trials the search will run, when known: caps the default start-up at half of it. */
    public B budget(int budget) {
        this.budget = budget;
        return self();
    }

    /** Failed trials in a row after which the search stops (default 10). */
    public B maxConsecutiveFailures(int maxConsecutiveFailures) {
        this.maxConsecutiveFailures = maxConsecutiveFailures;
        return self();
    }

    /** The start-up trials: the explicit value, else {@code defaultValue} capped at half the budget. */
    int resolvedStartupTrials(int defaultValue) {
        return StartupTrials.resolve(startupTrials, budget, defaultValue);
    }
}
