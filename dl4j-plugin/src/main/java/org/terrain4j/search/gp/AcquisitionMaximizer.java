package org.terrain4j.search.gp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
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
        return maximize(gp, acquisition, LogCost.NONE, best, incumbents, random);
    }

    /**
     * Candidates ranked by {@code acquisition} under {@code gp} less their weighted log cost
     * {@code cost} (a logarithmic acquisition per unit cost), best first.
     */
    List<Scored> maximize(Posterior gp, Acquisition acquisition, LogCost cost, double best, List<double[]> incumbents,
            SplittableRandom random) {
        int d = gp.dimension();
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
        IntStream.range(0, pool.size()).parallel().forEach(k -> scores[k] = score(gp, acquisition, cost, best, pool.get(k)));
        List<Scored> ranked = new ArrayList<>();
        for (int k = 0; k < pool.size(); k++) {
            ranked.add(new Scored(pool.get(k), scores[k]));
        }
        ranked.sort(Comparator.comparingDouble(Scored::score).reversed());
        List<Scored> starts = ranked.subList(0, Math.min(localStarts, ranked.size()));
        List<Scored> polished = starts.parallelStream().map(s -> polish(gp, acquisition, cost, best, s)).toList();
        List<Scored> all = new ArrayList<>(polished);
        all.addAll(ranked);
        all.sort(Comparator.comparingDouble(Scored::score).reversed());
        return all;
    }

    static double score(Posterior gp, Acquisition acquisition, LogCost cost, double best, double[] point) {
        double[] meanVariance = new double[2];
        gp.predict(point, meanVariance);
        return acquisition.score(meanVariance[0], Math.sqrt(meanVariance[1]), best) - cost.at(point);
    }

    private Scored polish(Posterior gp, Acquisition acquisition, LogCost cost, double best, Scored start) {
        int d = start.point().length;
        try {
            if (d == 1) {
                double x = start.point()[0];
                double lo = Math.max(0, x - 0.1);
                double hi = Math.min(1, x + 0.1);
                UnivariatePointValuePair p = new BrentOptimizer(1e-8, 1e-10).optimize(new MaxEval(localEvaluations),
                        GoalType.MAXIMIZE, new SearchInterval(lo, hi, x),
                        new UnivariateObjectiveFunction(v -> score(gp, acquisition, cost, best, new double[] {v})));
                return better(start, new Scored(new double[] {p.getPoint()}, p.getValue()));
            }
            double[] lower = new double[d];
            double[] upper = new double[d];
            java.util.Arrays.fill(upper, 1);
            PointValuePair p = new BOBYQAOptimizer(2 * d + 1, 0.05, 1e-6).optimize(new MaxEval(localEvaluations),
                    GoalType.MAXIMIZE, new InitialGuess(start.point()), new SimpleBounds(lower, upper),
                    new ObjectiveFunction(v -> score(gp, acquisition, cost, best, v)));
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
