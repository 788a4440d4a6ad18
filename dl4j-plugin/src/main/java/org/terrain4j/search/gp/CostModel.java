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
 * <p>The samplers rank by expected improvement divided by the price raised to the options' cost
 * exponent ({@link GpOptions#costExponent()}; 1 is expected improvement per second, Snoek,
 * Larochelle and Adams, NeurIPS 2012), among the candidates whose expected improvement is at least
 * the largest's over {@value #SLACK}: so that of two configurations the model rates alike, the one
 * that trains in half the time goes first, but a cheap configuration the model rates poorly never
 * does. Expected improvement per second drives a search into the cheapest corner of the space
 * when cheap configurations are poor ones (Lee et al., 2020, who cool the exponent to 0 over a
 * known budget), and the slack does not stop it where the model's expected improvement is flat:
 * in Fashion-MNIST searches of 150 s with ASHA (the multi-fidelity GP, 5 seeds, exponent 1 against
 * 0), two of five seeds ran 148 and 175 trials, 128 of 138 and 115 of 165 after the start-up at
 * batch size 512, the cheapest, against 34 and 62 trials; the median time to 0.885 was 81 s with
 * one seed never reaching it, against 72 s with every seed (to 0.88: 33 s against 30 s). On
 * digits (30 s, 5 seeds) both GPs reached 0.97 in 3 seeds with exponent 1, in 4 (multi-fidelity)
 * and 5 (plain) with 0. So the options ignore time by default. Only the {@value #MOST_TRIALS} most recent durations are modelled (a
 * configuration's cost is a smooth, low-dimensional function, and recent timings are the machine as
 * it is now), so the cost model adds little to a proposal in a long search. Not thread-safe: the
 * warm start is its state between fits.
 */
final class CostModel {

    /** Trials with a duration needed before cost counts: fewer say too little to rank by. */
    static final int FEWEST_TRIALS = 3;
    /** The most recent durations modelled. */
    static final int MOST_TRIALS = 200;
    /**
     * The most expected improvement a cheaper candidate may give up, as a factor: only candidates
     * worth at least the best one's over this are ranked by their worth per second.
     */
    static final double SLACK = 2;

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
