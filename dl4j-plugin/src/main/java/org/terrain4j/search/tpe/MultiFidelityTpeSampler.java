package org.terrain4j.search.tpe;

import java.util.List;
import java.util.SplittableRandom;
import org.terrain4j.search.Sampler;
import org.terrain4j.search.SearchHistory;
import org.terrain4j.search.Trial;
import org.terrain4j.search.TrialState;
import org.terrain4j.search.UniformSampler;

/**
 * The tree-structured Parzen estimator fitted per budget, as BOHB (Falkner, Klein and Hutter,
 * ICML 2018) fits its model: the budget is the step (epoch) at which trials reported a loss, and
 * the sampler fits {@link TpeSampler} to the losses at the largest step that at least
 * {@link #minPoints} trials reached. A search whose pruner stops most trials after an epoch or
 * two thus learns from every one of them, and from the longest budget that has enough of them;
 * a trial pruned before a step has no loss there but counts among the poor trials (the bad
 * density), and a pending one is pending (the constant liar, when on, ranks it last). A fraction of proposals are uniform, BOHB's guard
 * against a misled model. Without any intermediate loss (a search whose trials report only
 * their end) it is the TPE sampler on the final losses. Stateless.
 */
public final class MultiFidelityTpeSampler implements Sampler {

    /** BOHB's share of uniform proposals. */
    public static final double DEFAULT_RANDOM_FRACTION = 1.0 / 3;

    private final TpeOptions options;
    private final TpeSampler tpe;
    private final double randomFraction;
    private final Sampler uniform = new UniformSampler();

    /**
     * @param options the TPE's options; its start-up count is also the least number of trials a
     *                step needs before the model is fitted there
     * @param randomFraction the share of uniform proposals once a model is fitted, in [0, 1)
     */
    public MultiFidelityTpeSampler(TpeOptions options, double randomFraction) {
        if (!(randomFraction >= 0 && randomFraction < 1)) {
            throw new IllegalArgumentException("randomFraction must be in [0, 1), got " + randomFraction);
        }
        this.options = options;
        this.tpe = new TpeSampler(options);
        this.randomFraction = randomFraction;
    }

    /**
     * The trials a step needs before the model is fitted to it: the TPE's start-up count, and at
     * least BOHB's {@code d + 3} in {@code d} dimensions (its {@code N_min = d + 1}, plus two).
     */
    public int minPoints(int dimensions) {
        return Math.max(options.startupTrials(), dimensions + 3);
    }

    @Override
    public double[] propose(SearchHistory history, SplittableRandom random) {
        if (history.maxStep() == 0) {
            return tpe.propose(history, random);
        }
        int needed = minPoints(history.space().size());
        for (int step = history.maxStep(); step >= 1; step--) {
            if (history.countAt(step) >= needed) {
                return random.nextDouble() < randomFraction ? uniform.propose(history, random) : atStep(history, step, random);
            }
        }
        return uniform.propose(history, random);
    }

    /**
     * The TPE fitted to the losses at {@code step}, the trials that stopped before it in its bad
     * density: the pruner judged each worse than the trials it let go on, and a model blind to
     * them would propose where they were again (on learning curves pruned by successive halving,
     * where most proposals stop at the first rung, that left the model no better than random
     * search; docs/BENCHMARKS.md, "Multi fidelity methods").
     */
    private double[] atStep(SearchHistory history, int step, SplittableRandom random) {
        SearchHistory at = history.atStep(step);
        List<Trial> stopped = history.inState(TrialState.COMPLETE).stream()
                .filter(t -> at.trials().get(t.id()).state() == TrialState.FAILED).toList();
        return tpe.propose(at, stopped, random);
    }
}
