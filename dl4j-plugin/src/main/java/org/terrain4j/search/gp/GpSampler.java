package org.terrain4j.search.gp;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.terrain4j.search.Sampler;
import org.terrain4j.search.SearchHistory;
import org.terrain4j.search.Trial;
import org.terrain4j.search.TrialState;
import org.terrain4j.search.space.SearchSpace;

/**
 * Bayesian optimization with a Gaussian process. Each proposal: standardize the complete
 * losses; give failed points the worst loss seen (so the model steers away from what crashed
 * without letting it count as a result); fit the hyperparameters, choosing among the options'
 * kernels by marginal likelihood as {@link KernelChoice} does (compared again as the observations
 * grow by a tenth, the chosen one refitted in between); condition
 * on pending points by the {@link PendingPolicy}; maximize the acquisition (per unit of the
 * predicted seconds a trial of the point takes, once trials report durations, {@link CostModel}); return the
 * best-ranked candidate whose snapped configuration has not been suggested yet. Needs at least
 * one complete trial; the start-up design comes from elsewhere (composition, as in Optuna). Not
 * thread-safe: the warm starts and the next comparison are its state between calls.
 */
public final class GpSampler implements Sampler {

    private final GpOptions options;
    private final AcquisitionMaximizer maximizer;
    private final KernelChoice kernelChoice;
    private final CostModel costModel;

    /** A sampler with these options. */
    public GpSampler(GpOptions options) {
        this.options = options;
        this.maximizer = options.acquisitionMaximizer();
        this.kernelChoice = options.kernelChoice();
        this.costModel = options.costModel();
    }

    /** The number of observations at which the kernels are next compared (0 before the first proposal). */
    int nextComparison() {
        return kernelChoice.nextComparison();
    }

    /** The hyperparameters of the last proposal's model (the kernel chosen among them), if any. */
    public Optional<GpHyperparameters> lastFit() {
        return kernelChoice.lastFit();
    }

    @Override
    public double[] propose(SearchHistory history, SplittableRandom random) {
        List<Trial> complete = history.inState(TrialState.COMPLETE);
        if (complete.isEmpty()) {
            throw new IllegalStateException("the Gaussian process needs at least one complete trial");
        }
        Standardization z = Standardization.of(complete.stream().mapToDouble(Trial::loss).toArray());
        List<Trial> failed = history.inState(TrialState.FAILED);
        double[][] x = new double[complete.size() + failed.size()][];
        double[] y = new double[x.length];
        for (int a = 0; a < complete.size(); a++) {
            x[a] = complete.get(a).point();
            y[a] = z.apply(complete.get(a).loss());
        }
        for (int a = 0; a < failed.size(); a++) {
            x[complete.size() + a] = failed.get(a).point();
            y[complete.size() + a] = z.worst();
        }
        List<double[]> pending = history.inState(TrialState.PENDING).stream().map(Trial::point).toList();
        Believed believed = withPending(GaussianProcess.condition(x, y, kernelChoice.fit(x, y, random)), pending,
                options.pendingPolicy(), z.best(), z);
        List<double[]> incumbents = complete.stream().sorted(Comparator.comparingDouble(Trial::loss))
                .limit(options.incumbents()).map(Trial::point).toList();
        LogCost cost = costModel.fit(history, random).orElse(LogCost.NONE);
        List<AcquisitionMaximizer.Scored> ranked = maximizer.maximize(believed.gp(), options.acquisition(), cost,
                CostModel.SLACK, believed.best(), incumbents, random);
        SearchSpace space = history.space();
        for (AcquisitionMaximizer.Scored candidate : ranked) {
            if (!history.contains(space.snap(candidate.point()))) {
                return candidate.point();
            }
        }
        return ranked.get(0).point();
    }

    /**
     * A model conditioned on the points still being evaluated as if their values were known, and
     * the best loss under that belief: the acquisition's incumbent.
     */
    record Believed(GaussianProcess gp, double best) {
    }

    /**
     * {@code gp} conditioned on the points still being evaluated, each given a value by
     * {@code policy}: its own predicted mean (kriging believer) or the worst or best loss seen
     * (constant liar), so that proposals spread out while they run; and {@code best} lowered to
     * the best value believed. A pending point believed better than {@code best} is the incumbent
     * the next proposal must improve on: measured against the observed best instead, it would
     * promise its believed gain with certainty, and the next proposals would crowd around it.
     * Measured so on the functions of {@link PendingPolicy#KRIGING_BELIEVER}'s comparison, the
     * observed best as the incumbent was behind in 11 of 16 cells (up to 12 times the regret).
     */
    static Believed withPending(GaussianProcess gp, List<double[]> pending, PendingPolicy policy, double best,
                                Standardization z) {
        if (pending.isEmpty()) {
            return new Believed(gp, best);
        }
        double[][] px = pending.toArray(new double[0][]);
        double[] py = new double[px.length];
        double[] meanVariance = new double[2];
        for (int a = 0; a < px.length; a++) {
            py[a] = switch (policy) {
                case KRIGING_BELIEVER -> {
                    gp.predict(px[a], meanVariance);
                    yield meanVariance[0];
                }
                case CONSTANT_LIAR_WORST -> z.worst();
                case CONSTANT_LIAR_BEST -> z.best();
            };
        }
        double believedBest = best;
        for (double v : py) {
            believedBest = Math.min(believedBest, v);
        }
        return new Believed(gp.withObservations(px, py), believedBest);
    }
}
