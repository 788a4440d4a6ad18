package org.terrain4j.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Synthetic training runs for the multi-fidelity searches' benchmarks, and the pruner that stops
 * them. A configuration {@code u} in the unit cube, mapped onto a test function's box as {@code x},
 * reports at epoch {@code e} the loss {@code f(x) + (1 + 2 w) (e^-1/2 - 27^-1/2)} plus Gaussian
 * noise of 0.02, where {@code w} in [0,1] is one coordinate of {@code u} (or one minus it): the
 * loss at 27 epochs is {@code f}, and the early epochs favour small {@code w} (fast starters) a
 * little more than the last does. Asynchronous successive halving with factor 3 ({@link Rungs}:
 * rungs at epochs 1, 3 and 9, 27 the most) decides whether a run goes on. Regret: {@code f} at
 * the best configuration that trained all 27 epochs, minus its minimum.
 *
 * <p>{@link #HARTMANN6} is the curve the multi-fidelity GP was built and tuned on ({@code
 * RowLimitRegret}'s); the other two are a report set it was not: Hartmann-3 with {@code w = u2},
 * whose minimizer ({@code u2 = 0.85}) starts slowly, and Michalewicz-5 with {@code w = 1 - u0}.
 */
enum SyntheticTraining {
    HARTMANN6(SearchFunction.HARTMANN6, 0, false),
    HARTMANN3(SearchFunction.HARTMANN3, 2, false),
    MICHALEWICZ5(SearchFunction.MICHALEWICZ5, 0, true);

    /** The most epochs a run trains. */
    static final int EPOCHS = 27;
    /** The standard deviation of the noise on every reported loss. */
    static final double NOISE = 0.02;

    private static final int[] RUNGS = {1, 3, 9};

    private final SearchFunction function;
    private final int slowness;
    private final boolean flipped;

    SyntheticTraining(SearchFunction function, int slowness, boolean flipped) {
        this.function = function;
        this.slowness = slowness;
        this.flipped = flipped;
    }

    /** The configuration's dimension. */
    int dimension() {
        return function.dimension();
    }

    /** The noiseless loss of {@code u} after {@code epoch} epochs. */
    double loss(double[] u, int epoch) {
        double w = flipped ? 1 - u[slowness] : u[slowness];
        return function.value(inBox(u)) + (1 + 2 * w) * (1 / Math.sqrt(epoch) - 1 / Math.sqrt(EPOCHS));
    }

    /** The regret of a configuration that trained all {@link #EPOCHS}. */
    double regret(double[] u) {
        return function.regret(inBox(u));
    }

    private double[] inBox(double[] u) {
        double[] x = new double[u.length];
        for (int i = 0; i < u.length; i++) {
            x[i] = function.lower(i) + u[i] * (function.upper(i) - function.lower(i));
        }
        return x;
    }

    /**
     * The losses every run reported at each rung so far, and the rule: a run goes on past a rung
     * when its loss there is in the best third of them (the first always is). Not thread-safe.
     */
    static final class Rungs {

        private final List<List<Double>> atRung = new ArrayList<>();

        Rungs() {
            for (int r = 0; r < RUNGS.length; r++) {
                atRung.add(new ArrayList<>());
            }
        }

        /** Records {@code loss} if {@code epoch} is a rung; whether the run goes on after it. */
        boolean goesOn(int epoch, double loss) {
            int rung = java.util.Arrays.binarySearch(RUNGS, epoch);
            if (rung < 0) {
                return true;
            }
            List<Double> losses = atRung.get(rung);
            int better = 0;
            for (double l : losses) {
                if (l < loss) {
                    better++;
                }
            }
            losses.add(loss);
            return better < Math.max(1, losses.size() / 3);
        }
    }
}
