package org.terrain4j.search.gp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.SimpleBounds;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.hipparchus.optim.univariate.BrentOptimizer;
import org.hipparchus.optim.univariate.SearchInterval;
import org.hipparchus.optim.univariate.UnivariateObjectiveFunction;
import org.hipparchus.optim.univariate.UnivariatePointValuePair;

/**
 * Maximizes an acquisition function over [0,1]^d in two stages: broad sampling (uniform
 * points, plus Gaussian perturbations of the best observed points at three scales, where the
 * optimum usually is once the search has converged), then local optimization from the best
 * few samples within the bounds (BOBYQA, derivative-free; Brent's method in one dimension).
 * Returns every end point and sample ranked by score, so the caller can skip points it has
 * already evaluated. Scores are computed in parallel into an array and ranked sequentially,
 * so the result does not depend on thread timing.
 */
public final class AcquisitionMaximizer {

    private static final double[] PERTURBATION_SCALES = {0.003, 0.03, 0.1};
    /** Pool points scored together by one thread (the posterior predicts them side by side). */
    private static final int POOL_CHUNK = 32;

    private final int uniformSamples;
    private final int perturbationsPerIncumbent;
    private final int localStarts;
    private final int localEvaluations;

    /**
     * @param uniformSamples uniform points of the broad stage, at least 1
     * @param perturbationsPerIncumbent perturbed copies of each incumbent (the best few observed points), at least 0
     * @param localStarts best samples optimized locally, at least 0
     * @param localEvaluations acquisition evaluations per local run, at least 10
     */
    public AcquisitionMaximizer(int uniformSamples, int perturbationsPerIncumbent, int localStarts,
            int localEvaluations) {
        if (uniformSamples < 1 || perturbationsPerIncumbent < 0 || localStarts < 0 || localEvaluations < 10) {
            throw new IllegalArgumentException("need uniformSamples >= 1, perturbationsPerIncumbent >= 0,"
                    + " localStarts >= 0, localEvaluations >= 10; got " + uniformSamples + ", "
                    + perturbationsPerIncumbent + ", " + localStarts + ", " + localEvaluations);
        }
        this.uniformSamples = uniformSamples;
        this.perturbationsPerIncumbent = perturbationsPerIncumbent;
        this.localStarts = localStarts;
        this.localEvaluations = localEvaluations;
    }

    /** A point and its acquisition score. */
    public record Scored(double[] point, double score) {
    }

    /**
     * Candidates ranked by {@code acquisition} under {@code gp}, best first.
     *
     * @param incumbents observed points to search near, best first
     * @param best the best standardized loss observed
     */
    public List<Scored> maximize(Posterior gp, Acquisition acquisition, double best, List<double[]> incumbents,
            SplittableRandom random) {
        return maximize(new Worth(gp, acquisition, best), gp.dimension(), incumbents, random);
    }

    /**
     * Candidates ranked by {@code acquisition} under {@code gp} per unit of {@code cost}, among
     * those worth at least the best one's over {@code slack} (a factor): the acquisition is
     * maximized first, then, of the candidates within the slack of its maximum, the one of the
     * highest acquisition less its weighted log cost ranks first (a point on the Pareto front of
     * worth and cost; a candidate below the floor ranks after every one above it). Best first.
     * A logarithmic acquisition only ({@link Acquisition#logarithmic()}).
     */
    List<Scored> maximize(Posterior gp, Acquisition acquisition, LogCost cost, double slack, double best,
            List<double[]> incumbents, SplittableRandom random) {
        Worth worth = new Worth(gp, acquisition, best);
        List<Scored> byWorth = maximize(worth, gp.dimension(), incumbents, random);
        if (cost == LogCost.NONE) {
            return byWorth;
        }
        double floor = byWorth.get(0).score() - Math.log(slack);
        ToDoubleFunction<double[]> perCost = point -> perCost(worth.applyAsDouble(point), cost.at(point), floor);
        List<Scored> ranked = new ArrayList<>();
        for (Scored s : byWorth) {
            ranked.add(new Scored(s.point(), perCost(s.score(), cost.at(s.point()), floor)));
        }
        ranked.sort(Comparator.comparingDouble(Scored::score).reversed());
        return polished(ranked, perCost);
    }

    /** A candidate's worth less its log cost, and far less below the floor of worth. */
    private static double perCost(double worth, double logCost, double floor) {
        return worth - logCost - (worth < floor ? BELOW_FLOOR_WEIGHT * (floor - worth) : 0);
    }

    /** How steeply a candidate's rank per cost falls below the floor of worth: continuous, for the local optimizer. */
    private static final double BELOW_FLOOR_WEIGHT = 100;

    /** The pool (uniform and perturbed points) ranked by {@code objective}, its best few optimized locally. */
    private List<Scored> maximize(Worth objective, int d, List<double[]> incumbents, SplittableRandom random) {
        List<double[]> pool = new ArrayList<>();
        for (int k = 0; k < uniformSamples; k++) {
            pool.add(uniform(d, random));
        }
        for (double[] incumbent : incumbents) {
            for (int k = 0; k < perturbationsPerIncumbent; k++) {
                pool.add(perturbed(incumbent, PERTURBATION_SCALES[k % PERTURBATION_SCALES.length], random));
            }
        }
        double[] scores = new double[pool.size()];
        int chunks = (pool.size() + POOL_CHUNK - 1) / POOL_CHUNK;
        IntStream.range(0, chunks).parallel().forEach(c -> objective.scoreAll(pool, c * POOL_CHUNK,
                Math.min(pool.size(), (c + 1) * POOL_CHUNK), scores));
        List<Scored> ranked = new ArrayList<>();
        for (int k = 0; k < pool.size(); k++) {
            ranked.add(new Scored(pool.get(k), scores[k]));
        }
        ranked.sort(Comparator.comparingDouble(Scored::score).reversed());
        return polished(ranked, objective);
    }

    /** {@code ranked} (best first) with its best {@code localStarts} optimized locally, all ranked again. */
    private List<Scored> polished(List<Scored> ranked, ToDoubleFunction<double[]> objective) {
        List<Scored> starts = ranked.subList(0, Math.min(localStarts, ranked.size()));
        List<Scored> polished = starts.parallelStream().map(s -> polish(objective, s)).toList();
        List<Scored> all = new ArrayList<>(polished);
        all.addAll(ranked);
        all.sort(Comparator.comparingDouble(Scored::score).reversed());
        return all;
    }

    /** {@code acquisition}'s score of {@code point} under {@code gp}. */
    static double score(Posterior gp, Acquisition acquisition, double best, double[] point) {
        return new Worth(gp, acquisition, best).applyAsDouble(point);
    }

    /**
     * The acquisition of a point under a posterior: one point at a time for the local optimizer,
     * and a chunk of the pool at once ({@link Posterior#predict(double[][], double[], double[])}),
     * the same scores either way.
     */
    private record Worth(Posterior gp, Acquisition acquisition, double best) implements ToDoubleFunction<double[]> {

        @Override
        public double applyAsDouble(double[] point) {
            double[] meanVariance = new double[2];
            gp.predict(point, meanVariance);
            return acquisition.score(meanVariance[0], Math.sqrt(meanVariance[1]), best);
        }

        /** Writes the scores of {@code pool}'s points {@code from} to {@code to} (exclusive) into {@code scores}. */
        void scoreAll(List<double[]> pool, int from, int to, double[] scores) {
            double[][] points = pool.subList(from, to).toArray(new double[0][]);
            double[] means = new double[points.length];
            double[] variances = new double[points.length];
            gp.predict(points, means, variances);
            for (int i = 0; i < points.length; i++) {
                scores[from + i] = acquisition.score(means[i], Math.sqrt(variances[i]), best);
            }
        }
    }

    private Scored polish(ToDoubleFunction<double[]> objective, Scored start) {
        int d = start.point().length;
        try {
            if (d == 1) {
                double x = start.point()[0];
                double lo = Math.max(0, x - 0.1);
                double hi = Math.min(1, x + 0.1);
                UnivariatePointValuePair p = new BrentOptimizer(1e-8, 1e-10).optimize(new MaxEval(localEvaluations),
                        GoalType.MAXIMIZE, new SearchInterval(lo, hi, x),
                        new UnivariateObjectiveFunction(v -> objective.applyAsDouble(new double[] {v})));
                return better(start, new Scored(new double[] {p.getPoint()}, p.getValue()));
            }
            double[] lower = new double[d];
            double[] upper = new double[d];
            java.util.Arrays.fill(upper, 1);
            PointValuePair p = new BOBYQAOptimizer(2 * d + 1, 0.05, 1e-6).optimize(new MaxEval(localEvaluations),
                    GoalType.MAXIMIZE, new InitialGuess(start.point()), new SimpleBounds(lower, upper),
                    new ObjectiveFunction(objective::applyAsDouble));
            return better(start, new Scored(clamp(p.getPoint()), p.getValue()));
        } catch (MathIllegalStateException budgetExhausted) {
            return start;
        }
    }

    private static Scored better(Scored a, Scored b) {
        return b.score() > a.score() ? b : a;
    }

    private static double[] clamp(double[] point) {
        double[] c = new double[point.length];
        for (int i = 0; i < point.length; i++) {
            c[i] = Math.min(1, Math.max(0, point[i]));
        }
        return c;
    }

    private static double[] uniform(int d, SplittableRandom random) {
        double[] p = new double[d];
        for (int i = 0; i < d; i++) {
            p[i] = random.nextDouble();
        }
        return p;
    }

    private static double[] perturbed(double[] centre, double scale, SplittableRandom random) {
        double[] p = new double[centre.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.min(1, Math.max(0, centre[i] + scale * gaussian(random)));
        }
        return p;
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
