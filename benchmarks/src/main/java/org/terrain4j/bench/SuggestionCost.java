package org.terrain4j.bench;

import java.util.EnumSet;
import java.util.SplittableRandom;
import org.terrain4j.search.SearchHistory;
import org.terrain4j.search.gp.GpOptions;
import org.terrain4j.search.gp.GpSampler;
import org.terrain4j.search.gp.Kernel;
import org.terrain4j.search.gp.MultiFidelityGpSampler;
import org.terrain4j.search.space.SearchSpace;
import org.terrain4j.search.tpe.TpeOptions;
import org.terrain4j.search.tpe.TpeSampler;

/**
 * Wall time of one suggestion with {@code n} complete observations of Hartmann-6 at random
 * points: the Gaussian process at its defaults (the chosen kernel's hyperparameters refitted,
 * warm-started from the fit at {@code n - 1}, as in a running search, on at most
 * {@code GpOptions.hyperparameterPoints} observations, plus the acquisition search); the one
 * proposal in about ten where it compares its kernels again (both refitted); the same with the
 * product kernel alone; the same with the fit on every observation; TPE; and the GP over
 * configuration and epoch in a search pruned by successive halving, one proposal at its defaults and
 * the mean and slowest of its proposals over the next {@code n / 10} trials when it refits as its rows
 * grow by 5% ({@code GpOptions.refitGrowth}). Sizes and variants
 * are interleaved round by round after one unmeasured warm-up round; medians over rounds. Every
 * trial reports a duration, as a real search's do, so the Gaussian processes' proposals include
 * fitting their cost model. Prints a markdown table.
 *
 * <p>Usage: {@code SuggestionCost ROUNDS N...}
 */
public final class SuggestionCost {

    /** The refit growth measured beside the multi-fidelity GP's default. */
    private static final double GROWN_REFIT = 1.05;

    private SuggestionCost() {
    }

    public static void main(String[] args) {
        int rounds = Integer.parseInt(args[0]);
        int[] sizes = new int[args.length - 1];
        for (int k = 0; k < sizes.length; k++) {
            sizes[k] = Integer.parseInt(args[k + 1]);
        }
        GpOptions fullFit = new GpOptions(GpOptions.DEFAULTS.acquisition(), GpOptions.DEFAULTS.pendingPolicy(), GpOptions.DEFAULTS.kernels(),
                GpOptions.DEFAULTS.hyperparameterRandomStarts(), GpOptions.DEFAULTS.hyperparameterIterations(),
                Integer.MAX_VALUE, GpOptions.DEFAULTS.uniformSamples(), GpOptions.DEFAULTS.perturbationsPerIncumbent(),
                GpOptions.DEFAULTS.incumbents(), GpOptions.DEFAULTS.localStarts(), GpOptions.DEFAULTS.localEvaluations(),
                GpOptions.DEFAULTS.costExponent(), GpOptions.DEFAULTS.refitGrowth());
        GpOptions productOnly = GpOptions.DEFAULTS.withKernels(EnumSet.of(Kernel.PRODUCT));
        for (int size : sizes) {
            gpSuggestion(GpOptions.DEFAULTS, size, -1); // warm-up round: JIT compilation, not measured
        }
        double[][] gpMillis = new double[sizes.length][rounds];
        double[][] comparingMillis = new double[sizes.length][rounds];
        double[][] productMillis = new double[sizes.length][rounds];
        double[][] fullFitMillis = new double[sizes.length][rounds];
        double[][] tpeMillis = new double[sizes.length][rounds];
        double[][] multiFidelityMillis = new double[sizes.length][rounds];
        double[][] grownMillis = new double[sizes.length][rounds];
        double[][] grownSlowest = new double[sizes.length][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < sizes.length; k++) {
                double[] gp = gpSuggestion(GpOptions.DEFAULTS, sizes[k], r);
                gpMillis[k][r] = gp[0];
                comparingMillis[k][r] = gp[1];
                productMillis[k][r] = gpSuggestion(productOnly, sizes[k], r)[0];
                fullFitMillis[k][r] = gpSuggestion(fullFit, sizes[k], r)[0];
                tpeMillis[k][r] = tpeSuggestion(sizes[k], r);
                multiFidelityMillis[k][r] = multiFidelitySuggestion(sizes[k], r);
                double[] grown = grownRefitSuggestions(sizes[k], r);
                grownMillis[k][r] = grown[0];
                grownSlowest[k][r] = grown[1];
            }
        }
        System.out.println("| observations (6-D) | Gaussian process, ms | ratio to first size"
                + " | GP, a proposal that compares the kernels, ms | GP, product kernel only, ms"
                + " | GP fitting on every observation, ms | TPE, ms | GP over configuration and epoch, trials pruned by successive halving, ms"
                + " | the same refitting as its rows grow by 5%: mean of the next n/10 proposals, ms | slowest of them, ms |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        double first = BenchmarkSupport.median(gpMillis[0]);
        for (int k = 0; k < sizes.length; k++) {
            double gp = BenchmarkSupport.median(gpMillis[k]);
            System.out.printf("| %d | %.1f | %.2f | %.1f | %.1f | %.1f | %.2f | %.1f | %.1f | %.1f |%n", sizes[k], gp, gp / first,
                    BenchmarkSupport.median(comparingMillis[k]), BenchmarkSupport.median(productMillis[k]),
                    BenchmarkSupport.median(fullFitMillis[k]), BenchmarkSupport.median(tpeMillis[k]),
                    BenchmarkSupport.median(multiFidelityMillis[k]), BenchmarkSupport.median(grownMillis[k]),
                    BenchmarkSupport.median(grownSlowest[k]));
        }
    }

    private static SearchHistory history(int n, long seed) {
        SearchHistory history = new SearchHistory(SearchSpace.continuous(6));
        SplittableRandom random = new SplittableRandom(seed);
        for (int a = 0; a < n; a++) {
            double[] x = new double[6];
            for (int i = 0; i < 6; i++) {
                x[i] = random.nextDouble();
            }
            timed(history, history.suggested(x), SearchFunction.HARTMANN6.value(x), 1);
        }
        return history;
    }

    /**
     * Milliseconds of two proposals of one sampler in a search grown to {@code n} observations:
     * {@code [0]} the proposal at {@code n} (the chosen kernel refitted, warm-started from the fit
     * at {@code n - 1}: most proposals), {@code [1]} the one at {@code n - 1}, where the kernels are
     * compared again (every kernel refitted, each warm-started from its fit at {@code n / 1.1}).
     */
    private static double[] gpSuggestion(GpOptions options, int n, long seed) {
        GpSampler sampler = new GpSampler(options);
        SplittableRandom points = new SplittableRandom(seed);
        SearchHistory history = history(0, seed);
        int firstComparison = (int) Math.floor((n - 1) / 1.1);
        addRandom(history, points, firstComparison);
        sampler.propose(history, new SplittableRandom(seed));
        addRandom(history, points, n - 1 - firstComparison);
        long start = System.nanoTime();
        sampler.propose(history, new SplittableRandom(seed + 1));
        double comparing = (System.nanoTime() - start) / 1e6;
        addRandom(history, points, 1);
        start = System.nanoTime();
        sampler.propose(history, new SplittableRandom(seed + 2));
        return new double[] {(System.nanoTime() - start) / 1e6, comparing};
    }

    private static void addRandom(SearchHistory history, SplittableRandom random, int count) {
        for (int a = 0; a < count; a++) {
            double[] x = random.doubles(6).toArray();
            timed(history, history.suggested(x), SearchFunction.HARTMANN6.value(x), 1);
        }
    }

    /**
     * Completes trial {@code id} with {@code loss} after {@code epochs} epochs of a duration that
     * grows fourfold along the first coordinate, as a real search's trials report theirs: the
     * samplers' cost model is fitted in every measured proposal.
     */
    private static void timed(SearchHistory history, int id, double loss, int epochs) {
        history.complete(id, loss);
        history.duration(id, epochs * Math.exp(Math.log(4) * history.trials().get(id).point()[0]));
    }

    /**
     * Milliseconds of the multi-fidelity GP's proposal at {@code n} trials at its defaults
     * (hyperparameters refitted at every proposal), warm-started from its proposal at {@code n - 1},
     * as in a running search.
     */
    private static double multiFidelitySuggestion(int n, long seed) {
        return multiFidelitySuggestions(new MultiFidelityGpSampler(GpOptions.DEFAULTS), n, 1, seed)[0];
    }

    /**
     * Milliseconds of the multi-fidelity GP's proposals refitting its hyperparameters as its rows
     * grow by {@value #GROWN_REFIT}, in the same search: {@code [0]} the mean of the proposals at
     * trials {@code n} to {@code n + n / 10} (about one comparison of the kernels, one refit of the
     * chosen kernel, and proposals that only condition on the last fit: the cost a running search
     * pays per trial), {@code [1]} the slowest of them.
     */
    private static double[] grownRefitSuggestions(int n, long seed) {
        return multiFidelitySuggestions(new MultiFidelityGpSampler(GpOptions.DEFAULTS.withRefitGrowth(GROWN_REFIT)), n,
                (int) Math.ceil(n / 10.0), seed);
    }

    /**
     * Milliseconds of {@code window} proposals of {@code sampler} at {@code n}, {@code n + 1}, ...
     * trials of a search pruned by successive halving with factor 3 (rungs at epochs 1, 3, 9 and 27:
     * two trials in three stop after one epoch), each trial reporting every epoch it trained,
     * warm-started from its proposal at {@code n - 1}: their mean and the slowest.
     */
    private static double[] multiFidelitySuggestions(MultiFidelityGpSampler sampler, int n, int window, long seed) {
        SplittableRandom points = new SplittableRandom(seed);
        SearchHistory history = new SearchHistory(SearchSpace.continuous(6));
        for (int a = 0; a < n - 1; a++) {
            addSuccessiveHalvingTrial(history, points);
        }
        sampler.propose(history, new SplittableRandom(seed));
        double total = 0;
        double slowest = 0;
        for (int k = 0; k < window; k++) {
            addSuccessiveHalvingTrial(history, points);
            long start = System.nanoTime();
            sampler.propose(history, new SplittableRandom(seed + 1 + k));
            double millis = (System.nanoTime() - start) / 1e6;
            total += millis;
            slowest = Math.max(slowest, millis);
        }
        return new double[] {total / window, slowest};
    }

    private static void addSuccessiveHalvingTrial(SearchHistory history, SplittableRandom random) {
        double[] x = random.doubles(6).toArray();
        int id = history.suggested(x);
        int last = id % 27 == 0 ? 27 : id % 9 == 0 ? 9 : id % 3 == 0 ? 3 : 1;
        double loss = Double.NaN;
        for (int step = 1; step <= last; step++) {
            loss = SearchFunction.HARTMANN6.value(x) + 1.0 / step;
            history.intermediate(id, step, loss);
        }
        timed(history, id, loss, last);
    }

    private static double tpeSuggestion(int n, long seed) {
        TpeSampler sampler = new TpeSampler(TpeOptions.OPTUNA_DEFAULTS);
        SearchHistory history = history(n, seed);
        long start = System.nanoTime();
        sampler.propose(history, new SplittableRandom(seed));
        return (System.nanoTime() - start) / 1e6;
    }
}
