package org.terrain4j.search.gp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SplittableRandom;
import org.terrain4j.search.Sampler;
import org.terrain4j.search.SearchHistory;
import org.terrain4j.search.Trial;
import org.terrain4j.search.TrialState;
import org.terrain4j.search.space.SearchSpace;

/**
 * Bayesian optimization over (configuration, budget): one Gaussian process fitted to every loss
 * every trial reported at every step (epoch), the budget being one more input, and expected
 * improvement at the largest budget. Made for searches whose pruner (ASHA, Hyperband) stops most
 * trials after an epoch or two: a trial stopped early still tells the model where the good
 * configurations are, as far as its budget's losses predict the largest budget's, and the model
 * learns how far that is from the trials that went on (the budget's length scale). The joint
 * model is the one of multi-task and multi-fidelity Bayesian optimization (Swersky, Snoek and
 * Adams, NeurIPS 2013; Klein et al., AISTATS 2017, FABOLAS), here without a cost model: the
 * pruner decides how far each trial goes, the model only where the next one starts.
 *
 * <p><b>The model.</b> Each trial contributes its losses at steps 1, 2, 4, 8, ... and at its last
 * reported step (at most {@code log2(steps) + 2} rows a trial, so a long search stays within the
 * Gaussian process's reach); the budget coordinate is {@code log(step) / log(maxStep)}, 1 at the
 * largest step any trial reached. A complete trial that reported no steps counts at the largest
 * budget; a failed one there too, with the worst loss seen (as {@link GpSampler} does). The
 * kernels of the options are fitted by marginal likelihood, each warm-started from its last fit,
 * and the better one kept: the additive kernel is the model where the budget shifts every
 * configuration's loss alike, the product kernel lets it interact.
 *
 * <p><b>The proposal.</b> Expected improvement at the largest budget over the best predicted
 * loss there of a configuration already tried, maximized from uniform samples and the
 * neighbourhoods of the configurations predicted best; pending trials enter at the largest budget
 * by the options' {@link PendingPolicy}. Without any intermediate loss (trials that report only
 * their end) it is the {@link GpSampler} on the final losses. Not thread-safe: the warm starts
 * are its state between calls.
 */
public final class MultiFidelityGpSampler implements Sampler {

    private final GpOptions options;
    private final HyperparameterFit fit;
    private final AcquisitionMaximizer maximizer;
    private final GpSampler finalLosses;
    private final Map<Kernel, GpHyperparameters> lastFits = new EnumMap<>(Kernel.class);

    /** A sampler with these options. */
    public MultiFidelityGpSampler(GpOptions options) {
        this.options = options;
        this.fit = options.hyperparameterFit();
        this.maximizer = options.acquisitionMaximizer();
        this.finalLosses = new GpSampler(options);
    }

    @Override
    public double[] propose(SearchHistory history, SplittableRandom random) {
        if (history.maxStep() == 0) {
            return finalLosses.propose(history, random);
        }
        Rows rows = Rows.of(history);
        Standardization z = Standardization.of(rows.losses.stream().mapToDouble(Double::doubleValue)
                .filter(Double::isFinite).toArray());
        double[][] x = rows.points.toArray(new double[0][]);
        double[] y = new double[x.length];
        for (int a = 0; a < y.length; a++) {
            y[a] = rows.failed.get(a) ? z.worst() : z.apply(rows.losses.get(a));
        }
        List<HyperparameterFit.Fitted> fits = fit.fitEach(x, y, options.kernels(), lastFits, random);
        fits.forEach(f -> lastFits.put(f.hyperparameters().kernel(), f.hyperparameters()));
        GaussianProcess joint = GaussianProcess.condition(x, y, fits.get(0).hyperparameters());
        List<double[]> pending = history.inState(TrialState.PENDING).stream().map(t -> Rows.at(t.point(), 1)).toList();
        FidelitySlice atLargest = new FidelitySlice(GpSampler.withPending(joint, pending, options.pendingPolicy(), z), 1);
        FidelitySlice observed = new FidelitySlice(joint, 1);

        List<Predicted> tried = new ArrayList<>();
        double[] meanVariance = new double[2];
        for (double[] configuration : rows.configurations) {
            observed.predict(configuration, meanVariance);
            tried.add(new Predicted(configuration, meanVariance[0]));
        }
        tried.sort(Comparator.comparingDouble(Predicted::mean));
        List<double[]> incumbents = tried.stream().limit(options.incumbents()).map(Predicted::point).toList();
        List<AcquisitionMaximizer.Scored> ranked = maximizer.maximize(atLargest, options.acquisition(),
                tried.get(0).mean(), incumbents, random);
        SearchSpace space = history.space();
        for (AcquisitionMaximizer.Scored candidate : ranked) {
            if (!history.contains(space.snap(candidate.point()))) {
                return candidate.point();
            }
        }
        return ranked.get(0).point();
    }

    private record Predicted(double[] point, double mean) {
    }

    /** The model's observations: (configuration, budget) rows and their losses. */
    private static final class Rows {
        final List<double[]> points = new ArrayList<>();
        final List<Double> losses = new ArrayList<>();
        final List<Boolean> failed = new ArrayList<>();
        /** Each configuration with at least one row, once. */
        final List<double[]> configurations = new ArrayList<>();

        static Rows of(SearchHistory history) {
            double logLargest = Math.log(history.maxStep());
            Rows rows = new Rows();
            for (Trial trial : history.trials()) {
                SortedMap<Integer, Double> steps = history.intermediateOf(trial.id());
                boolean any = false;
                if (!steps.isEmpty()) {
                    int last = steps.lastKey();
                    for (Map.Entry<Integer, Double> step : steps.entrySet()) {
                        int k = step.getKey();
                        if (k == last || Integer.bitCount(k) == 1) {
                            rows.add(trial.point(), logLargest > 0 ? Math.log(k) / logLargest : 1, step.getValue(), false);
                            any = true;
                        }
                    }
                } else if (trial.state() == TrialState.COMPLETE) {
                    rows.add(trial.point(), 1, trial.loss(), false);
                    any = true;
                }
                if (trial.state() == TrialState.FAILED) {
                    rows.add(trial.point(), 1, Double.NaN, true);
                    any = true;
                }
                if (any) {
                    rows.configurations.add(trial.point());
                }
            }
            return rows;
        }

        static double[] at(double[] configuration, double budget) {
            double[] row = java.util.Arrays.copyOf(configuration, configuration.length + 1);
            row[configuration.length] = budget;
            return row;
        }

        private void add(double[] configuration, double budget, double loss, boolean isFailure) {
            points.add(at(configuration, budget));
            losses.add(loss);
            failed.add(isFailure);
        }
    }
}
