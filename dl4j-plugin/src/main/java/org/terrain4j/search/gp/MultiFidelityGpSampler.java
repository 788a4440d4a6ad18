package org.terrain4j.search.gp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
 * Adams, NeurIPS 2013; Klein et al., AISTATS 2017, FABOLAS), with the pruner deciding how far each
 * trial goes and the model only where the next one starts: there, expected improvement, or with
 * a cost exponent in the options expected improvement per second of a typical trial once trials
 * report their durations ({@link CostModel}). A pruner's rungs are counted in epochs, and an epoch
 * at a small batch size can take five times one at a large; but the configurations that train
 * fastest are often the poor ones, and dividing by the cost drove one search there (see
 * {@link CostModel}), so time is ignored by default.
 *
 * <p><b>The model.</b> Each trial contributes its losses at steps 1, 2, 4, 8, ... and at its last
 * reported step (at most {@code log2(steps) + 2} rows a trial); the budget coordinate is
 * {@code log(step) / log(maxStep)}, 1 at the largest step any trial reached. A complete trial that
 * reported no steps counts at the largest budget; a failed one there too, with the worst loss seen
 * (as {@link GpSampler} does). Past {@value #MAX_ROWS} rows, the earlier steps of the trials that
 * trained least are left out (every trial keeps its last row), so a search of thousands of trials
 * stays within the Gaussian process's reach. The kernel is chosen among the options' by marginal
 * likelihood ({@link KernelChoice}), compared again as the rows counted without the limit grow by
 * a tenth: the additive kernel is the model where the budget shifts every configuration's loss
 * alike, the product kernel lets it interact. Its hyperparameters are refitted
 * at every proposal, or with {@link GpOptions#refitGrowth()} above 1 once its rows (counted without
 * the row limit) have grown by that factor: cheaper proposals for searches of many short trials, at
 * a measured cost in regret (README, "Multi-fidelity GP").
 *
 * <p><b>The proposal.</b> Expected improvement at the largest budget over the best predicted
 * loss there of a configuration already tried (with a cost exponent, ranked per unit of its predicted
 * price, {@link CostModel}), maximized from uniform samples and the
 * neighbourhoods of the configurations predicted best; pending trials enter at the largest budget
 * by the options' {@link PendingPolicy}. Without any intermediate loss (trials that report only
 * their end) it is the {@link GpSampler} on the final losses. Not thread-safe: the warm starts
 * are its state between calls.
 */
public final class MultiFidelityGpSampler implements Sampler {

    /**
     * Most rows the model conditions on, a bound on the cost of a proposal in a long search (see
     * docs/BENCHMARKS.md, "Cost of one suggestion"): beyond it the earlier epochs of the trials
     * that trained least are left out. Every trial's last row stays, so a search of more trials
     * than this costs what the Gaussian process on final losses does.
     */
    public static final int MAX_ROWS = 600;

    private final GpOptions options;
    private final int maxRows;
    private final AcquisitionMaximizer maximizer;
    private final KernelChoice kernelChoice;
    private final CostModel costModel;
    private final GpSampler finalLosses;

    /** A sampler with these options, conditioning on at most {@value #MAX_ROWS} rows. */
    public MultiFidelityGpSampler(GpOptions options) {
        this(options, MAX_ROWS);
    }

    /**
     * A sampler with these options that conditions on at most {@code maxRows} rows (at least 2);
     * every trial keeps its last row even past it. A larger bound costs more per proposal (cubic
     * in the rows); docs/BENCHMARKS.md ("Row limit") measures what the default costs in regret.
     */
    public MultiFidelityGpSampler(GpOptions options, int maxRows) {
        if (maxRows < 2) {
            throw new IllegalArgumentException("maxRows must be at least 2, got " + maxRows);
        }
        this.maxRows = maxRows;
        this.options = options;
        this.maximizer = options.acquisitionMaximizer();
        this.kernelChoice = options.kernelChoice();
        this.finalLosses = new GpSampler(options);
        this.costModel = options.costModel();
    }

    /** The hyperparameters of the last proposal's model (the kernel chosen among them), if any. */
    java.util.Optional<GpHyperparameters> lastFit() {
        return kernelChoice.lastFit();
    }

    /**
     * The rows the model would condition on for {@code history} without a row limit (each trial's
     * last step, and its steps 1, 2, 4, ... before it): what {@link #MAX_ROWS} bounds.
     */
    public static int rowsWithoutLimit(SearchHistory history) {
        return history.maxStep() == 0 ? 0 : Rows.of(history, 0).withoutLimit;
    }

    @Override
    public double[] propose(SearchHistory history, SplittableRandom random) {
        if (history.maxStep() == 0) {
            return finalLosses.propose(history, random);
        }
        Rows rows = Rows.of(history, maxRows);
        Standardization z = Standardization.of(rows.losses.stream().mapToDouble(Double::doubleValue)
                .filter(Double::isFinite).toArray());
        double[][] x = rows.points.toArray(new double[0][]);
        double[] y = new double[x.length];
        for (int a = 0; a < y.length; a++) {
            y[a] = rows.failed.get(a) ? z.worst() : z.apply(rows.losses.get(a));
        }
        GaussianProcess joint = GaussianProcess.condition(x, y, kernelChoice.fit(x, y, rows.withoutLimit, random));
        List<double[]> pending = history.inState(TrialState.PENDING).stream().map(t -> Rows.at(t.point(), 1)).toList();
        FidelitySlice observed = new FidelitySlice(joint, 1);
        List<Predicted> tried = new ArrayList<>();
        for (double[] configuration : rows.configurations) {
            tried.add(new Predicted(configuration, observed.mean(configuration)));
        }
        tried.sort(Comparator.comparingDouble(Predicted::mean));
        GpSampler.Believed believed = GpSampler.withPending(joint, pending, options.pendingPolicy(),
                tried.get(0).mean(), z);
        FidelitySlice atLargest = new FidelitySlice(believed.gp(), 1);
        List<double[]> incumbents = tried.stream().limit(options.incumbents()).map(Predicted::point).toList();
        LogCost cost = costModel.fit(history, random).orElse(LogCost.NONE);
        List<AcquisitionMaximizer.Scored> ranked = maximizer.maximize(atLargest, options.acquisition(), cost,
                CostModel.SLACK, believed.best(), incumbents, random);
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

    /**
     * The model's observations: (configuration, budget) rows and their losses. Each trial gives
     * its last row (its last reported step; a complete trial without steps, and a failed trial, at
     * the largest budget) and its earlier rows at steps 1, 2, 4, 8, ... Beyond {@code maxRows},
     * the earlier rows are kept whole trial by whole trial, the trials that trained longest first
     * (the most recent first among equals): theirs are the learning curves that tie the short
     * budgets to the long one.
     */
    static final class Rows {
        final List<double[]> points = new ArrayList<>();
        final List<Double> losses = new ArrayList<>();
        final List<Boolean> failed = new ArrayList<>();
        /** Each configuration with at least one row, once. */
        final List<double[]> configurations = new ArrayList<>();
        /** The rows there would be without the limit. */
        int withoutLimit;

        static Rows of(SearchHistory history, int maxRows) {
            double logLargest = Math.log(history.maxStep());
            Rows rows = new Rows();
            List<Curve> curves = new ArrayList<>();
            for (Trial trial : history.trials()) {
                SortedMap<Integer, Double> steps = history.intermediateOf(trial.id());
                boolean any = false;
                if (!steps.isEmpty()) {
                    int last = steps.lastKey();
                    rows.add(trial.point(), budget(last, logLargest), steps.get(last), false);
                    List<Integer> earlier = steps.headMap(last).keySet().stream().filter(k -> Integer.bitCount(k) == 1).toList();
                    if (!earlier.isEmpty()) {
                        curves.add(new Curve(trial, last, earlier));
                    }
                    any = true;
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
            curves.sort(Comparator.comparingInt(Curve::last).thenComparingInt(c -> c.trial().id()).reversed());
            rows.withoutLimit = rows.points.size() + curves.stream().mapToInt(c -> c.steps().size()).sum();
            for (Curve curve : curves) {
                if (rows.points.size() + curve.steps().size() > maxRows) {
                    continue;
                }
                SortedMap<Integer, Double> steps = history.intermediateOf(curve.trial().id());
                for (int k : curve.steps()) {
                    rows.add(curve.trial().point(), budget(k, logLargest), steps.get(k), false);
                }
            }
            return rows;
        }

        private static double budget(int step, double logLargest) {
            return logLargest > 0 ? Math.log(step) / logLargest : 1;
        }

        /** A trial's earlier steps to model, before its {@code last}. */
        private record Curve(Trial trial, int last, List<Integer> steps) {
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
