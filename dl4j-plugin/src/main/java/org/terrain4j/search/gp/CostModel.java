package org.terrain4j.search.gp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SplittableRandom;
import org.terrain4j.search.SearchHistory;
import org.terrain4j.search.Trial;

/**
 * What a configuration costs to try, learnt from the trials' durations: a Gaussian process on the
 * logarithm of each trial's wall-clock seconds, over (configuration, budget), the budget being the
 * last step (epoch) the trial reported, {@code log(step) / log(maxStep)} as in
 * {@link MultiFidelityGpSampler}; fitted by marginal likelihood with its own noise (a shared
 * machine's timings are noisy). A configuration's price is its predicted duration at the median
 * budget the trials reached: what a new trial typically costs in this search, one epoch under a
 * pruner that stops most trials there, every epoch without one. So a fixed cost per trial (building
 * the network, evaluating it) counts as much as the epochs do, and a trial stopped early is not
 * mistaken for a costly configuration.
 *
 * <p>The samplers divide expected improvement by the price raised to the options' cost exponent
 * ({@link GpOptions#costExponent()}): expected improvement per second (Snoek, Larochelle and Adams,
 * NeurIPS 2012), so that of two configurations the model rates alike, the one that trains in half
 * the time goes first. Only the {@value #MOST_TRIALS} most recent durations are modelled (a
 * configuration's cost is a smooth, low-dimensional function, and recent timings are the machine as
 * it is now), so the cost model adds little to a proposal in a long search. Not thread-safe: the
 * warm start is its state between fits.
 */
final class CostModel {

    /** Trials with a duration needed before cost counts: fewer say too little to rank by. */
    static final int FEWEST_TRIALS = 3;
    /** The most recent durations modelled. */
    static final int MOST_TRIALS = 200;

    private final double exponent;
    private final KernelChoice kernelChoice;

    /** A model whose log cost counts {@code exponent} times against the acquisition, fitted as {@code options} say. */
    CostModel(double exponent, GpOptions options) {
        this.exponent = exponent;
        this.kernelChoice = new KernelChoice(options.hyperparameterFit(), EnumSet.of(Kernel.PRODUCT));
    }

    /**
     * The weight of each configuration's price under {@code history}'s durations ({@code exponent}
     * times its predicted log seconds at the median budget), or none when the exponent is 0 or
     * fewer than {@value #FEWEST_TRIALS} trials reported a duration.
     */
    Optional<LogCost> fit(SearchHistory history, SplittableRandom random) {
        if (exponent == 0) {
            return Optional.empty();
        }
        double logLargest = Math.log(Math.max(1, history.maxStep()));
        List<double[]> rows = new ArrayList<>();
        List<Double> logSeconds = new ArrayList<>();
        List<Trial> trials = history.trials();
        for (int k = trials.size() - 1; k >= 0 && rows.size() < MOST_TRIALS; k--) {
            Trial trial = trials.get(k);
            double seconds = history.durationOf(trial.id());
            if (seconds > 0) {
                SortedMap<Integer, Double> steps = history.intermediateOf(trial.id());
                double budget = steps.isEmpty() || logLargest == 0 ? 1 : Math.log(steps.lastKey()) / logLargest;
                rows.add(MultiFidelityGpSampler.Rows.at(trial.point(), budget));
                logSeconds.add(Math.log(seconds));
            }
        }
        if (rows.size() < FEWEST_TRIALS) {
            return Optional.empty();
        }
        double[][] x = rows.toArray(new double[0][]);
        Standardization z = Standardization.of(logSeconds.stream().mapToDouble(Double::doubleValue).toArray());
        double[] y = logSeconds.stream().mapToDouble(z::apply).toArray();
        GaussianProcess gp = GaussianProcess.condition(x, y, kernelChoice.fit(x, y, random));
        double typical = medianBudget(x);
        return Optional.of(point -> exponent * (z.mean() + z.spread() * gp.mean(MultiFidelityGpSampler.Rows.at(point, typical))));
    }

    /** The median of the rows' budget coordinates (their last one). */
    private static double medianBudget(double[][] rows) {
        double[] budgets = Arrays.stream(rows).mapToDouble(r -> r[r.length - 1]).sorted().toArray();
        int n = budgets.length;
        return n % 2 == 1 ? budgets[n / 2] : (budgets[n / 2 - 1] + budgets[n / 2]) / 2;
    }
}
