package org.terrain4j.probe;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A step out of a saddle along the negative-curvature direction {@code v} (unit, eigenvalue
 * {@code lambda < 0}). Along {@code v} the local quadratic model predicts a decrease of
 * {@code |lambda| a^2 / 2} for a step of length {@code a}, so the first trial length is the one
 * predicting a decrease of {@code targetDecrease} times the loss; both signs are tried (the
 * gradient is negligible at a saddle, so the model cannot pick one), the better is kept if the
 * loss on the probe batch really fell, else the length is halved, up to {@code attempts} times;
 * once a step works, it is doubled while the loss keeps falling (up to {@code attempts} times),
 * since the quadratic model says nothing about how far the descent goes on.
 * The parameters change only when a step is accepted.
 *
 * <p>A step is taken only where training would stay on the saddle for long. Along {@code v}
 * training itself is unstable: each iteration multiplies a displacement by about
 * {@code 1 + g lr |lambda|} (g the updater's momentum gain, {@code 1 / (1 - mu)} for Nesterov
 * momentum), so it leaves the saddle on its own, e-fold every {@code 1 / ln(1 + g lr |lambda|)}
 * iterations. Where that is within {@code patience} iterations, a step buys little and moves
 * the run onto another trajectory: on full-batch descent of a ReLU network at rate 3, where
 * training e-folded along the saddle's direction within 2 to 40 iterations, the steps lowered the
 * loss at once and still ended 8 of the 9 runs that took one worse than the same runs without
 * them, one of them with every unit dead (benchmarks/run curvature, edge of stability). The deep
 * linear network on its plateau (Saxe et al. 2013, {@code lr |lambda|} about 1e-5) is where a
 * step pays: it leaves at once what training would take tens of thousands of iterations to leave.
 *
 * @param targetDecrease predicted relative loss decrease of the first trial, in (0, 1)
 * @param attempts halvings to try, and doublings after success, at least 1
 * @param patience a step is taken only when training would take more than this many iterations
 *                 to e-fold along the saddle's direction on its own, non-negative (0: always)
 */
public record SaddleEscape(double targetDecrease, int attempts, int patience) {

    /** Aim for a 1% decrease, try four lengths, step only where training would e-fold in more than 100 iterations. */
    public static final SaddleEscape DEFAULTS = new SaddleEscape(0.01, 4, 100);

    /** Validates, naming the bad parameter. */
    public SaddleEscape {
        if (!(targetDecrease > 0 && targetDecrease < 1)) {
            throw new IllegalArgumentException("targetDecrease must be in (0, 1), got " + targetDecrease);
        }
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, got " + attempts);
        }
        if (patience < 0) {
            throw new IllegalArgumentException("patience must be non-negative, got " + patience);
        }
    }

    /**
     * Iterations training needs to e-fold a displacement along a direction of curvature
     * {@code lambda < 0} on its own: {@code 1 / ln(1 + stepRate |lambda|)}, where {@code stepRate}
     * is the learning rate times the updater's momentum gain; infinite when either is zero, NaN
     * when {@code stepRate} is NaN (unknown dynamics).
     */
    public static double selfEscapeIterations(double stepRate, double lambda) {
        return 1 / Math.log1p(stepRate * Math.abs(lambda));
    }

    /** Whether a step pays: training would take more than {@code patience} iterations to e-fold on its own, or how long is unknown. */
    public boolean worthwhile(double stepRate, double lambda) {
        double iterations = selfEscapeIterations(stepRate, lambda);
        return Double.isNaN(iterations) || iterations > patience;
    }

    /**
     * What happened.
     *
     * @param accepted whether the parameters were moved
     * @param step the signed step length along v (0 when rejected)
     * @param lossBefore loss on the probe batch before
     * @param lossAfter loss on the probe batch after (equal to before when rejected)
     */
    public record Outcome(boolean accepted, double step, double lossBefore, double lossAfter) {
    }

    /**
     * Tries to step {@code model} out of the saddle; the network is untouched unless accepted
     * (its input, labels, score and dropout are restored either way).
     */
    public Outcome attempt(Model model, DataSet batch, double[] direction, double lambda) {
        if (!(lambda < 0)) {
            throw new IllegalArgumentException("a saddle escape needs negative curvature, got lambda " + lambda);
        }
        NetworkState state = NetworkState.capture(model);
        try {
            return search(model, batch, direction, lambda, state.parameters());
        } finally {
            INDArray chosen = model.params().dup();
            state.restore();
            model.params().assign(chosen);
        }
    }

    private Outcome search(Model model, DataSet batch, double[] direction, double lambda, INDArray theta) {
        INDArray v = Nd4j.createFromArray(direction).castTo(theta.dataType()).reshape(theta.shape());
        double before = loss(model, batch);
        double length = Math.sqrt(2 * targetDecrease * Math.abs(before) / -lambda);
        for (int attempt = 0; attempt < attempts; attempt++, length /= 2) {
            double plus = lossAt(model, batch, theta, v, length);
            double minus = lossAt(model, batch, theta, v, -length);
            double best = Math.min(plus, minus);
            if (best < before) {
                double step = plus <= minus ? length : -length;
                // The model's step worked: go further along v while the loss keeps falling.
                for (int growth = 0; growth < attempts; growth++) {
                    double further = lossAt(model, batch, theta, v, 2 * step);
                    if (!(further < best)) {
                        break;
                    }
                    best = further;
                    step *= 2;
                }
                model.params().assign(theta.add(v.mul(step)));
                return new Outcome(true, step, before, best);
            }
        }
        model.params().assign(theta);
        return new Outcome(false, 0, before, before);
    }

    private static double lossAt(Model model, DataSet batch, INDArray theta, INDArray v, double step) {
        model.params().assign(theta.add(v.mul(step)));
        double loss = loss(model, batch);
        return Double.isFinite(loss) ? loss : Double.POSITIVE_INFINITY;
    }

    private static double loss(Model model, DataSet batch) {
        return model instanceof MultiLayerNetwork mln ? mln.score(batch, false)
                : ((ComputationGraph) model).score(batch, false);
    }
}
