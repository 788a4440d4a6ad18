package org.terrain4j.search.gp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.MaxIter;
import org.hipparchus.optim.SimpleValueChecker;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunctionGradient;
import org.hipparchus.optim.nonlinear.scalar.gradient.NonLinearConjugateGradientOptimizer;

/**
 * Maximizes {@link MarginalLikelihood} over {@code theta} within bounds, with Hipparchus's
 * nonlinear conjugate gradient (Polak-Ribiere, analytic gradients, Brent line searches) over
 * unbounded coordinates that a sigmoid maps into the bounds, so every point tried is inside them.
 * Every run ends within its iteration and evaluation budget: the fit's earlier optimizer,
 * Hipparchus's {@code SQPOptimizerS}, solves its quadratic subproblems by ADMM with no iteration
 * limit, and on the search suite one subproblem ran for minutes without end. Multi-start:
 * the previous optimum when there is one (observations arrive one at a time, so it is close
 * and converges in a few steps), otherwise a neutral default; plus, per random start, the best
 * of {@value #SCREENED_PER_START} random draws ranked by the objective alone (a Cholesky each),
 * run only when it beats the first start's objective, so a better basin is still found without
 * paying for full runs that lose. The best end point wins; the best point seen is kept when a
 * run fails or runs out of budget. Starts run in parallel, and so do the kernels of
 * {@link #fitEach}.
 *
 * <p>Each objective evaluation factors an {@code n x n} covariance, so beyond {@code maxPoints}
 * observations the fit uses a uniform random subset of {@code maxPoints} of them (the
 * subset-of-data approximation, Rasmussen and Williams, section 8.3.1): the length scales, signal
 * and noise a few hundred points pin down are the ones all of them would, and the fit's cost
 * stops growing with the study. The posterior itself is still conditioned on every observation.
 */
public final class HyperparameterFit {

    private static final int SCREENED_PER_START = 8;
    /**
     * When kernels are compared, a kernel whose warm start trails the best kernel's first start by
     * more than this many nats of log marginal likelihood (plus prior) on the same observations is
     * not refitted: its warm start stands, and loses. Measured at the comparisons of searches on
     * Branin and Hartmann-6 (10 seeds, 100 evaluations: 460 comparisons) and on Hartmann-6 and
     * Styblinski-Tang 8-D (4 seeds, 300 evaluations: 240), a refit from a warm start gained a median
     * of 0.1 nats (0.05 to 3 beyond 100 observations, at most 87 where a fresh random subset of 200
     * is fitted); a kernel that trailed by more than 50 never won after its refit (by more than 20,
     * once, at 25 observations).
     */
    static final double TRAILING_NATS = 50;
    /**
     * Stop when an iteration changes the objective by less than this, relative and absolute:
     * within about 0.05 nats of a fit run to 1e-6 on 500 observations of a 6-D function, in half
     * the time.
     */
    private static final double VALUE_TOLERANCE = 1e-5;
    /** Relative and absolute tolerance of each line search. */
    private static final double LINE_TOLERANCE = 1e-3;
    /** The first step of each line search's bracketing, in units of the search direction. */
    private static final double BRACKET = 1e-2;
    /** Objective evaluations allowed per iteration, line searches included. */
    private static final int EVALUATIONS_PER_ITERATION = 20;
    private static final double LOG_LENGTH_MIN = Math.log(1e-3);
    private static final double LOG_LENGTH_MAX = Math.log(50);
    private static final double LOG_SIGNAL_MIN = Math.log(1e-3);
    private static final double LOG_SIGNAL_MAX = Math.log(50);
    private static final double LOG_NOISE_MIN = Math.log(1e-11);
    private static final double LOG_NOISE_MAX = 0;

    private final int randomStarts;
    private final int maxIterations;
    private final int maxPoints;

    /**
     * @param randomStarts screened random starts besides the warm or default one, at least 0
     * @param maxIterations optimizer iterations per start, at least 5
     * @param maxPoints most observations a fit uses (a random subset beyond), at least 10
     */
    public HyperparameterFit(int randomStarts, int maxIterations, int maxPoints) {
        if (randomStarts < 0) {
            throw new IllegalArgumentException("randomStarts must be >= 0, got " + randomStarts);
        }
        if (maxIterations < 5) {
            throw new IllegalArgumentException("maxIterations must be >= 5, got " + maxIterations);
        }
        if (maxPoints < 10) {
            throw new IllegalArgumentException("maxPoints must be >= 10, got " + maxPoints);
        }
        this.randomStarts = randomStarts;
        this.maxIterations = maxIterations;
        this.maxPoints = maxPoints;
    }

    /** The product kernel's neutral start: length scales 0.3, unit signal variance, noise 1e-3. */
    public static GpHyperparameters defaults(int dimension) {
        return defaults(Kernel.PRODUCT, dimension);
    }

    /** The neutral start of {@code kernel}: length scales 0.3, unit signal variance, noise 1e-3. */
    public static GpHyperparameters defaults(Kernel kernel, int dimension) {
        double[] l = new double[dimension];
        Arrays.fill(l, 0.3);
        return GpHyperparameters.of(kernel, l, 1, 1e-3);
    }

    /**
     * A kernel's fitted hyperparameters and the objective they reach (log marginal likelihood plus
     * log prior, on the observations the fit used).
     */
    public record Fitted(GpHyperparameters hyperparameters, double objective) {
    }

    /**
     * Fits hyperparameters to points {@code x} and standardized targets {@code y}: the warm
     * start's kernel, or the product kernel without one.
     */
    public GpHyperparameters fit(double[][] x, double[] y, Optional<GpHyperparameters> warmStart,
            SplittableRandom random) {
        Kernel kernel = warmStart.map(GpHyperparameters::kernel).orElse(Kernel.PRODUCT);
        Map<Kernel, GpHyperparameters> warm = warmStart.map(h -> Map.of(kernel, h)).orElse(Map.of());
        return fitEach(x, y, EnumSet.of(kernel), warm, random).get(0).hyperparameters();
    }

    /**
     * Fits each kernel's hyperparameters to the same observations (beyond {@code maxPoints}, the
     * same random subset), each warm-started from its entry of {@code warmStarts} when there is
     * one; the kernels in parallel, each with its own stream split from {@code random}, so the
     * result does not depend on thread timing. Best objective first; the earlier kernel of
     * {@link Kernel}'s order on a tie.
     */
    public List<Fitted> fitEach(double[][] x, double[] y, Set<Kernel> kernels, Map<Kernel, GpHyperparameters> warmStarts,
            SplittableRandom random) {
        if (kernels.isEmpty()) {
            throw new IllegalArgumentException("need at least one kernel to fit");
        }
        double[][] fx = x;
        double[] fy = y;
        if (x.length > maxPoints) {
            int[] chosen = subset(x.length, random);
            fx = new double[maxPoints][];
            fy = new double[maxPoints];
            for (int a = 0; a < maxPoints; a++) {
                fx[a] = x[chosen[a]];
                fy[a] = y[chosen[a]];
            }
        }
        List<Kernel> ordered = List.copyOf(EnumSet.copyOf(kernels));
        List<SplittableRandom> randoms = new ArrayList<>();
        for (int k = 0; k < ordered.size(); k++) {
            randoms.add(random.split());
        }
        double[][] points = fx;
        double[] targets = fy;
        List<MarginalLikelihood> objectives = ordered.stream().map(k -> new MarginalLikelihood(points, targets, k))
                .toList();
        // Each kernel's first start scored on these observations (one factorization each).
        double[][] firsts = new double[ordered.size()][];
        double[] firstValues = new double[ordered.size()];
        IntStream.range(0, ordered.size()).parallel().forEach(k -> {
            MarginalLikelihood objective = objectives.get(k);
            firsts[k] = clampToBounds(Optional.ofNullable(warmStarts.get(ordered.get(k)))
                    .orElse(defaults(ordered.get(k), objective.dimension())).theta());
            firstValues[k] = objective.value(firsts[k]);
        });
        double leader = Arrays.stream(firstValues).max().orElseThrow();
        List<Fitted> fits = new ArrayList<>(IntStream.range(0, ordered.size()).parallel()
                .mapToObj(k -> trails(warmStarts.containsKey(ordered.get(k)), firstValues[k], leader)
                        ? new Fitted(new GpHyperparameters(ordered.get(k), firsts[k]), firstValues[k])
                        : fit(objectives.get(k), firsts[k], firstValues[k], randoms.get(k)))
                .toList());
        fits.sort(Comparator.comparingDouble(Fitted::objective).reversed());
        return fits;
    }

    /**
     * Whether a kernel is left at its warm start: its objective there trails the best kernel's
     * first start by more than {@value #TRAILING_NATS} nats on the same observations. A kernel
     * without a warm start (its first fit) is always fitted.
     */
    static boolean trails(boolean warm, double firstValue, double leader) {
        return warm && Double.isFinite(firstValue) && leader - firstValue > TRAILING_NATS;
    }

    private Fitted fit(MarginalLikelihood objective, double[] first, double firstValue, SplittableRandom random) {
        Kernel kernel = objective.kernel();
        int d = objective.dimension();
        List<double[]> starts = new ArrayList<>();
        starts.add(first);
        for (int s = 0; s < randomStarts; s++) {
            Run screened = bestOfRandomDraws(objective, d, random);
            if (screened.value() > firstValue) {
                starts.add(screened.theta());
            }
        }
        List<Run> runs = starts.parallelStream().map(start -> run(objective, start)).toList();
        Run best = runs.stream().max(Comparator.comparingDouble(Run::value)).orElseThrow();
        return best.value() == Double.NEGATIVE_INFINITY ? new Fitted(defaults(kernel, d), Double.NEGATIVE_INFINITY)
                : new Fitted(new GpHyperparameters(kernel, best.theta()), best.value());
    }

    /** {@code maxPoints} indices of {@code 0..n-1} drawn uniformly without replacement (partial Fisher-Yates). */
    private int[] subset(int n, SplittableRandom random) {
        int[] order = new int[n];
        for (int a = 0; a < n; a++) {
            order[a] = a;
        }
        for (int a = 0; a < maxPoints; a++) {
            int pick = a + random.nextInt(n - a);
            int chosen = order[pick];
            order[pick] = order[a];
            order[a] = chosen;
        }
        return Arrays.copyOf(order, maxPoints);
    }

    private static Run bestOfRandomDraws(MarginalLikelihood objective, int d, SplittableRandom random) {
        Run best = null;
        for (int k = 0; k < SCREENED_PER_START; k++) {
            double[] theta = new double[d + 2];
            for (int i = 0; i < d; i++) {
                theta[i] = Math.log(0.05) + random.nextDouble() * Math.log(2 / 0.05);
            }
            theta[d] = Math.log(0.3) + random.nextDouble() * Math.log(10);
            theta[d + 1] = Math.log(1e-6) + random.nextDouble() * Math.log(1e5);
            Run draw = new Run(theta, objective.value(theta));
            if (best == null || draw.value() > best.value()) {
                best = draw;
            }
        }
        return best;
    }

    private Run run(MarginalLikelihood objective, double[] start) {
        NegatedObjective f = new NegatedObjective(objective);
        NonLinearConjugateGradientOptimizer optimizer = new NonLinearConjugateGradientOptimizer(
                NonLinearConjugateGradientOptimizer.Formula.POLAK_RIBIERE,
                new SimpleValueChecker(VALUE_TOLERANCE, VALUE_TOLERANCE), LINE_TOLERANCE, LINE_TOLERANCE, BRACKET);
        try {
            optimizer.optimize(new InitialGuess(toUnbounded(start)), new ObjectiveFunction(f::value),
                    new ObjectiveFunctionGradient(f::gradient), GoalType.MINIMIZE, new MaxIter(maxIterations),
                    new MaxEval(EVALUATIONS_PER_ITERATION * maxIterations));
        } catch (MathRuntimeException budgetOrBreakdown) {
            // the best point seen so far stands
        }
        return new Run(f.bestTheta == null ? start : f.bestTheta, f.bestValue);
    }

    /**
     * {@code theta} of unbounded coordinates {@code z}: {@code lower + (upper - lower) sigmoid(z)}
     * per coordinate, so the optimizer runs without constraints and every point it tries is in bounds.
     */
    static double[] toBounded(double[] z) {
        double[] theta = new double[z.length];
        for (int j = 0; j < z.length; j++) {
            double lower = lower(j, z.length);
            double upper = upper(j, z.length);
            theta[j] = Math.min(upper, lower + (upper - lower) / (1 + Math.exp(-z[j])));  // rounding stays within
        }
        return theta;
    }

    /** The inverse of {@link #toBounded}, a bound pulled in by 1e-6 of the range. */
    static double[] toUnbounded(double[] theta) {
        double[] z = new double[theta.length];
        for (int j = 0; j < theta.length; j++) {
            double lower = lower(j, theta.length);
            double u = (theta[j] - lower) / (upper(j, theta.length) - lower);
            u = Math.min(1 - 1e-6, Math.max(1e-6, u));
            z[j] = Math.log(u / (1 - u));
        }
        return z;
    }

    private static double lower(int j, int m) {
        return j < m - 2 ? LOG_LENGTH_MIN : j == m - 2 ? LOG_SIGNAL_MIN : LOG_NOISE_MIN;
    }

    private static double upper(int j, int m) {
        return j < m - 2 ? LOG_LENGTH_MAX : j == m - 2 ? LOG_SIGNAL_MAX : LOG_NOISE_MAX;
    }

    private static double[] clampToBounds(double[] theta) {
        double[] c = theta.clone();
        for (int j = 0; j < c.length; j++) {
            c[j] = Math.min(upper(j, c.length), Math.max(lower(j, c.length), c[j]));
        }
        return c;
    }

    private record Run(double[] theta, double value) {
    }

    /**
     * The negated objective over the unbounded coordinates, for the minimizer, remembering the
     * best point (in {@code theta}) it was evaluated at. It also keeps the Cholesky factors (and
     * values) of the last {@value #RECENT} points it was asked about, because the conjugate
     * gradient asks about the same point more than once, bit for bit: the gradient at the point its
     * line search just chose (whose value the line search had), then that point's value at the top
     * of the next iteration, and again as the start of the next bracket and of Brent's search. On
     * the multi-fidelity GP's fits a third of the value requests were such repeats, and every
     * gradient but a run's first was at a point already factored. A factor or value from memory is
     * the one computing it again would give, so the fit is the same, bit for bit.
     */
    private static final class NegatedObjective {
        private static final int RECENT = 4;
        private final MarginalLikelihood objective;
        private double[] bestTheta;
        private double bestValue = Double.NEGATIVE_INFINITY;
        private final Evaluation[] recent = new Evaluation[RECENT];
        private int nextRecent;

        NegatedObjective(MarginalLikelihood objective) {
            this.objective = objective;
        }

        double value(double[] z) {
            Evaluation e = at(z);
            if (!e.valued) {
                double v = objective.value(e.theta, e.factor);
                remember(e.theta, v);
                e.negated = Double.isFinite(v) ? -v : Double.MAX_VALUE / 4;
                e.valued = true;
            }
            return e.negated;
        }

        double[] gradient(double[] z) {
            Evaluation e = at(z);
            double[] theta = e.theta;
            double[] g = new double[theta.length];
            double v = objective.valueAndGradient(theta, e.factor, g);
            remember(theta, v);
            for (int j = 0; j < g.length; j++) {
                double lower = lower(j, g.length);
                double range = upper(j, g.length) - lower;
                double u = (theta[j] - lower) / range;
                g[j] = -g[j] * range * u * (1 - u);
            }
            return g;
        }

        /** The evaluation of {@code z} among the recent ones, or a new one (factored) replacing the oldest. */
        private Evaluation at(double[] z) {
            for (Evaluation e : recent) {
                if (e != null && Arrays.equals(e.z, z)) {
                    return e;
                }
            }
            double[] theta = toBounded(z);
            Evaluation e = new Evaluation(z.clone(), theta, objective.factor(theta));  // the optimizer moves its point in place
            recent[nextRecent] = e;
            nextRecent = (nextRecent + 1) % RECENT;
            return e;
        }

        private void remember(double[] theta, double v) {
            if (bestTheta == null || v > bestValue) {
                bestTheta = theta;
                bestValue = v;
            }
        }
    }

    /** A point the optimizer asked about: its factor (null where K is not positive definite) and, once asked, its negated value. */
    private static final class Evaluation {
        final double[] z;
        final double[] theta;
        final CholeskyDecomposition factor;
        double negated;
        boolean valued;

        Evaluation(double[] z, double[] theta, CholeskyDecomposition factor) {
            this.z = z;
            this.theta = theta;
            this.factor = factor;
        }
    }
}
