package org.terrain4j.bench;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.deeplearning4j.arbiter.optimize.api.Candidate;
import org.deeplearning4j.arbiter.optimize.api.CandidateGenerator;
import org.deeplearning4j.arbiter.optimize.api.OptimizationResult;
import org.deeplearning4j.arbiter.optimize.generator.GridSearchCandidateGenerator;
import org.deeplearning4j.arbiter.optimize.generator.RandomSearchGenerator;
import org.deeplearning4j.arbiter.optimize.parameter.continuous.ContinuousParameterSpace;
import org.deeplearning4j.arbiter.optimize.runner.CandidateInfo;
import org.deeplearning4j.arbiter.optimize.runner.CandidateStatus;
import org.terrain4j.search.arbiter.BayesianSearchGenerator;
import org.terrain4j.search.arbiter.NamedParameterSpace;
import org.terrain4j.search.arbiter.TpeSearchGenerator;
import org.terrain4j.search.gp.GpOptions;
import org.terrain4j.search.gp.Kernel;

/**
 * Simple regret (the incumbent's value minus the known minimum) of each generator on the
 * functions the system property {@code search.functions} names (comma-separated, or {@code all};
 * Branin and Hartmann-6 by default), driven through Arbiter's {@code CandidateGenerator} interface exactly as Arbiter's
 * runner drives it (getCandidate, evaluate, reportResults). Prints TSV rows
 * {@code function method seed evaluations regret} for every evaluation count; the grid gets one
 * run per budget with the finest grid that fits it ({@code k = floor(budget^(1/d))} values per
 * coordinate, {@code k^d} evaluations, since a grid cannot stop early without leaving
 * coordinates unexplored).
 *
 * <p>Usage: {@code SearchRegret SEEDS BUDGET METHOD...} with methods bayesian, tpe, random, grid,
 * and {@code bayesian-pK}: the Gaussian process with K candidates out at once. The system property
 * {@code search.pending} names the GP's {@code PendingPolicy} (default KRIGING_BELIEVER), and
 * {@code search.kernels} its kernels, comma-separated (default: the library's, both).
 */
public final class SearchRegret {

    static final int[] CHECKPOINTS = {10, 20, 30, 40, 50, 100};

    private SearchRegret() {
    }

    public static void main(String[] args) {
        int seeds = Integer.parseInt(args[0]);
        int budget = Integer.parseInt(args[1]);
        List<String> methods = List.of(args).subList(2, args.length);
        for (SearchFunction function : functions(System.getProperty("search.functions", "BRANIN,HARTMANN6"))) {
            for (String method : methods) {
                if (method.equals("grid")) {
                    grid(function, budget);
                    continue;
                }
                int pending = pending(method);
                for (int seed = 0; seed < seeds; seed++) {
                    double[] trace = run(function, generator(method.replaceAll("-p\\d+$", ""), space(function), seed),
                            budget, pending, new java.util.Random(seed * 1_000_003L + function.ordinal()));
                    for (int n : CHECKPOINTS) {
                        if (n <= budget) {
                            System.out.printf("%s\t%s\t%d\t%d\t%.6g%n", function, method, seed, n, trace[n - 1]);
                        }
                    }
                    System.out.flush();
                }
            }
        }
    }

    /** The functions named in {@code names} (comma-separated), or every one for {@code all}. */
    static List<SearchFunction> functions(String names) {
        return names.equals("all") ? List.of(SearchFunction.values())
                : Arrays.stream(names.split(",")).map(String::trim).map(SearchFunction::valueOf).toList();
    }

    static NamedParameterSpace space(SearchFunction function) {
        NamedParameterSpace.Builder b = NamedParameterSpace.builder();
        for (int i = 0; i < function.dimension(); i++) {
            b.add("x" + i, new ContinuousParameterSpace(function.lower(i), function.upper(i)));
        }
        return b.build();
    }

    static CandidateGenerator generator(String method, NamedParameterSpace space, long seed) {
        return switch (method) {
            case "bayesian" -> BayesianSearchGenerator.builder(space).seed(seed)
                    .pendingPolicy(org.terrain4j.search.gp.PendingPolicy.valueOf(
                            System.getProperty("search.pending", "KRIGING_BELIEVER")))
                    .kernels(System.getProperty("search.kernels") == null ? GpOptions.DEFAULTS.kernels()
                            : kernels(System.getProperty("search.kernels"))).build();
            case "tpe" -> TpeSearchGenerator.builder(space).seed(seed).build();
            case "random" -> {
                RandomSearchGenerator random = new RandomSearchGenerator(space, null);
                random.setRngSeed(seed);
                yield random;
            }
            default -> throw new IllegalArgumentException("unknown method '" + method + "' (bayesian, tpe, random, grid)");
        };
    }

    /** The GP kernels named in {@code names} (comma-separated). */
    static Set<Kernel> kernels(String names) {
        return Arrays.stream(names.split(",")).map(String::trim).map(Kernel::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Kernel.class)));
    }

    /** How many candidates a method keeps under evaluation: {@code bayesian-p4} keeps 4, plain names 1. */
    static int pending(String method) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("-p(\\d+)$").matcher(method);
        return m.find() ? Integer.parseInt(m.group(1)) : 1;
    }

    /** Best-so-far regret after each evaluation, one candidate at a time, of a noiseless function. */
    static double[] run(SearchFunction function, CandidateGenerator generator, int budget) {
        return run(function, generator, budget, 1, new java.util.Random(0));
    }

    /**
     * The regret of the incumbent after each evaluation, with {@code pending} candidates under
     * evaluation at once, as {@code pending} workers would: the generator proposes while the
     * others are out (its pending policy decides how it treats them), and the oldest is evaluated
     * first. The incumbent is the point with the best observed value, and its regret is its true
     * value's: for a noiseless function, the best regret so far; for a noisy one, what a user who
     * picks the best-looking trial gets.
     */
    static double[] run(SearchFunction function, CandidateGenerator generator, int budget, int pending,
            java.util.Random noise) {
        double[] trace = new double[budget];
        double bestObserved = Double.POSITIVE_INFINITY;
        double best = Double.POSITIVE_INFINITY;
        java.util.ArrayDeque<Candidate<?>> out = new java.util.ArrayDeque<>();
        for (int t = 0; t < budget; t++) {
            while (out.size() < Math.min(pending, budget - t) && generator.hasMoreCandidates()) {
                out.add(generator.getCandidate());
            }
            if (out.isEmpty()) {
                break;
            }
            Candidate<?> candidate = out.poll();
            double[] x = point(function, candidate);
            double value = function.observe(x, noise);
            if (value < bestObserved) {
                bestObserved = value;
                best = function.regret(x);
            }
            trace[t] = best;
            CandidateInfo info = new CandidateInfo(candidate.getIndex(), CandidateStatus.Complete, value, 0L, 0L, 0L,
                    candidate.getFlatParameters(), null);
            generator.reportResults(new OptimizationResult(candidate, value, candidate.getIndex(), null, info, null));
        }
        return trace;
    }

    @SuppressWarnings("unchecked")
    private static double[] point(SearchFunction function, Candidate<?> candidate) {
        Map<String, Object> values = (Map<String, Object>) candidate.getValue();
        double[] x = new double[function.dimension()];
        for (int i = 0; i < x.length; i++) {
            x[i] = (Double) values.get("x" + i);
        }
        return x;
    }

    private static void grid(SearchFunction function, int budget) {
        for (int n : CHECKPOINTS) {
            if (n > budget) {
                continue;
            }
            int k = (int) Math.floor(Math.pow(n, 1.0 / function.dimension()) + 1e-9);
            if (k < 2) {
                System.out.printf("%s\tgrid\t-\t%d\tNaN%n", function, n);
                continue;
            }
            GridSearchCandidateGenerator grid = new GridSearchCandidateGenerator(space(function), k,
                    GridSearchCandidateGenerator.Mode.Sequential, null);
            int evaluations = (int) Math.pow(k, function.dimension());
            double[] trace = run(function, grid, evaluations);
            System.out.printf("%s\tgrid\t-\t%d\t%.6g%n", function, n, trace[evaluations - 1]);
        }
    }
}
