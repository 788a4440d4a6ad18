package org.terrain4j.search.gp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.MaxIter;
import org.hipparchus.optim.SimpleValueChecker;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunctionGradient;
import org.hipparchus.optim.nonlinear.scalar.gradient.NonLinearConjugateGradientOptimizer;

/**
 * Maximizes {@link MarginalLikelihood} over {@code theta} with nonlinear conjugate gradients
 * (Polak-Ribiere, Hipparchus) and analytic gradients, from several starts: the previous
 * optimum (observations arrive one at a time, so it is usually close), a neutral default, and
 * the best of {@code screened} random draws ranked by the objective alone (a Cholesky each,
 * no gradient). The best end point wins; an evaluation budget bounds each run, and the best
 * point seen is kept when a run exhausts it.
 */
public final class HyperparameterFit {

    private static final int SCREENED_PER_RESTART = 8;

    private final int randomStarts;
    private final int maxEvaluations;

    /**
     * @param randomStarts starts drawn at random (after screening) besides the warm and default ones, at least 0
     * @param maxEvaluations objective evaluations per start, at least 10
     */
    public HyperparameterFit(int randomStarts, int maxEvaluations) {
        if (randomStarts < 0) {
            throw new IllegalArgumentException("randomStarts must be >= 0, got " + randomStarts);
        }
        if (maxEvaluations < 10) {
            throw new IllegalArgumentException("maxEvaluations must be >= 10, got " + maxEvaluations);
        }
        this.randomStarts = randomStarts;
        this.maxEvaluations = maxEvaluations;
    }

    /** The neutral start: length scales 0.3, unit signal variance, noise 1e-3. */
    public static GpHyperparameters defaults(int dimension) {
        double[] l = new double[dimension];
        java.util.Arrays.fill(l, 0.3);
        return GpHyperparameters.of(l, 1, 1e-3);
    }

    /** Fits hyperparameters to points {@code x} and standardized targets {@code y}. */
    public GpHyperparameters fit(double[][] x, double[] y, Optional<GpHyperparameters> warmStart,
            SplittableRandom random) {
        int d = x[0].length;
        MarginalLikelihood objective = new MarginalLikelihood(x, y);
        List<double[]> starts = new ArrayList<>();
        warmStart.ifPresent(h -> starts.add(h.theta()));
        starts.add(defaults(d).theta());
        starts.addAll(screenedRandomStarts(objective, d, random));
        List<Run> runs = starts.parallelStream().map(s -> run(objective, s)).toList();
        Run best = runs.stream().max(Comparator.comparingDouble(Run::value)).orElseThrow();
        if (best.value() == Double.NEGATIVE_INFINITY) {
            return defaults(d);
        }
        return new GpHyperparameters(best.theta());
    }

    private List<double[]> screenedRandomStarts(MarginalLikelihood objective, int d, SplittableRandom random) {
        List<Run> draws = new ArrayList<>();
        for (int k = 0; k < randomStarts * SCREENED_PER_RESTART; k++) {
            double[] theta = new double[d + 2];
            for (int i = 0; i < d; i++) {
                theta[i] = Math.log(0.05) + random.nextDouble() * Math.log(2 / 0.05);
            }
            theta[d] = Math.log(0.3) + random.nextDouble() * Math.log(10);
            theta[d + 1] = Math.log(1e-6) + random.nextDouble() * Math.log(1e5);
            draws.add(new Run(theta, objective.value(theta)));
        }
        draws.sort(Comparator.comparingDouble(Run::value).reversed());
        return draws.stream().limit(randomStarts).map(Run::theta).toList();
    }

    private Run run(MarginalLikelihood objective, double[] start) {
        BestSeen best = new BestSeen(objective);
        NonLinearConjugateGradientOptimizer optimizer = new NonLinearConjugateGradientOptimizer(
                NonLinearConjugateGradientOptimizer.Formula.POLAK_RIBIERE, new SimpleValueChecker(1e-6, 1e-8),
                1e-4, 1e-6, 0.5);
        try {
            optimizer.optimize(new MaxEval(maxEvaluations), new MaxIter(maxEvaluations), GoalType.MAXIMIZE,
                    new InitialGuess(start), new ObjectiveFunction(best::value),
                    new ObjectiveFunctionGradient(best::gradient));
        } catch (MathIllegalStateException budgetExhausted) {
            // the best point seen so far stands
        }
        return new Run(best.theta, best.value);
    }

    private record Run(double[] theta, double value) {
    }

    /** Wraps the objective and remembers the best point it was evaluated at. */
    private static final class BestSeen {
        private final MarginalLikelihood objective;
        private double[] theta;
        private double value = Double.NEGATIVE_INFINITY;

        BestSeen(MarginalLikelihood objective) {
            this.objective = objective;
        }

        double value(double[] point) {
            double v = objective.value(point);
            remember(point, v);
            return v == Double.NEGATIVE_INFINITY ? -1e300 : v;
        }

        double[] gradient(double[] point) {
            double[] g = new double[point.length];
            double v = objective.valueAndGradient(point, g);
            remember(point, v);
            return g;
        }

        private void remember(double[] point, double v) {
            if (theta == null || v > value) {
                theta = point.clone();
                value = v;
            }
        }
    }
}
