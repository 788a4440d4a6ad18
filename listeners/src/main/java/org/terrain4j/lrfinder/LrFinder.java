package org.terrain4j.lrfinder;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.deeplearning4j.util.NetworkUtils;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.terrain4j.schedule.ExponentialSweepSchedule;
import org.terrain4j.schedule.LrRangeCurve;
import org.terrain4j.stats.ExponentialMovingAverage;

/**
 * The learning-rate range test (Smith 2017, as fastai's {@code lr_find}): trains a copy of the
 * network for {@code iterations} mini-batches while the learning rate of every layer grows
 * geometrically from {@code start} to {@code end}, records the loss and its bias-corrected
 * moving average, and stops early once the smoothed loss exceeds {@code divergence} times its
 * minimum or is no longer finite. The user's network, its parameters, updater state and
 * counters are left exactly as they were.
 *
 * @param start first rate, positive (fastai: 1e-7)
 * @param end last rate, above start (fastai: 10)
 * @param iterations mini-batches of the sweep, at least 3
 * @param smoothing beta of the loss average, in [0, 1) (fastai: 0.98)
 * @param divergence stop when the smoothed loss exceeds this many times its minimum, above 1 (fastai: 4)
 * @param repeatData whether to reset the data and go on when it runs out before the sweep ends
 *                   (fastai does); otherwise that is an error that says how to fix it
 */
public record LrFinder(double start, double end, int iterations, double smoothing, double divergence,
                       boolean repeatData) {

    /**
     * fastai's defaults: 1e-7 to 10 over 100 iterations, smoothing 0.98, stop at 4 times the
     * minimum; the data is not repeated.
     */
    public static final LrFinder DEFAULTS = new LrFinder(1e-7, 10, 100, 0.98, 4, false);

    /** Validates the settings, naming the bad one. */
    public LrFinder {
        new ExponentialSweepSchedule(start, end, Math.max(iterations, 2), 0);
        if (iterations < 3) {
            throw new IllegalArgumentException("iterations must be at least 3, got " + iterations);
        }
        if (!(smoothing >= 0 && smoothing < 1)) {
            throw new IllegalArgumentException("smoothing must be in [0, 1), got " + smoothing);
        }
        if (!(divergence > 1) || Double.isInfinite(divergence)) {
            throw new IllegalArgumentException("divergence must be finite and above 1, got " + divergence);
        }
    }

    /** These settings with another number of iterations. */
    public LrFinder withIterations(int value) {
        return new LrFinder(start, end, value, smoothing, divergence, repeatData);
    }

    /** These settings, repeating the data or not when it runs out. */
    public LrFinder withRepeatData(boolean value) {
        return new LrFinder(start, end, iterations, smoothing, divergence, value);
    }

    /** These settings with another range. */
    public LrFinder withRange(double from, double to) {
        return new LrFinder(from, to, iterations, smoothing, divergence, repeatData);
    }

    /**
     * Runs the test on a copy of {@code network}.
     *
     * @param network a {@link MultiLayerNetwork} or {@link ComputationGraph}; not modified
     * @param data training batches, reset first; it must hold at least {@code iterations} batches
     *             unless {@code repeatData}
     * @throws IllegalArgumentException when the data runs out before the sweep ends, saying how to fix it
     */
    public LrRangeCurve find(Model network, DataSetIterator data) {
        Model copy = sweepCopy(network);
        double[] rates = new double[iterations];
        double[] losses = new double[iterations];
        double[] smoothed = new double[iterations];
        ExponentialMovingAverage average = new ExponentialMovingAverage(smoothing);
        double best = Double.POSITIVE_INFINITY;
        int offset = iterationCount(copy);
        ExponentialSweepSchedule sweep = new ExponentialSweepSchedule(start, end, iterations, offset);
        data.reset();
        int done = 0;
        boolean diverged = false;
        while (done < iterations && !diverged) {
            if (!data.hasNext() && repeatData && done > 0) {
                data.reset();
            }
            if (!data.hasNext()) {
                throw new IllegalArgumentException("the data has only " + done + " batches but the sweep needs "
                        + iterations + " iterations: sweep over " + done + " iterations (--iterations " + done
                        + "), or repeat the data (--repeat-data)");
            }
            DataSet batch = data.next();
            rates[done] = sweep.valueAt(offset + done, 0);
            fit(copy, batch);
            losses[done] = copy.score();
            average.add(losses[done]);
            smoothed[done] = average.value();
            best = Math.min(best, smoothed[done]);
            diverged = !Double.isFinite(smoothed[done]) || smoothed[done] > divergence * best;
            done++;
        }
        int kept = diverged ? done - 1 : done;
        return new LrRangeCurve(Arrays.copyOf(rates, kept), Arrays.copyOf(losses, kept), Arrays.copyOf(smoothed, kept),
                diverged);
    }

    /**
     * A deep copy through DL4J's own model format (parameters, configuration and updater
     * state): {@code clone()} shares updater configurations with the original, so changing
     * the copy's learning rate would change the user's network too.
     */
    private Model sweepCopy(Model network) {
        if (!(network instanceof MultiLayerNetwork) && !(network instanceof ComputationGraph)) {
            throw new IllegalArgumentException("LrFinder works on MultiLayerNetwork and ComputationGraph, got "
                    + (network == null ? "null" : network.getClass().getName()));
        }
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ModelSerializer.writeModel(network, bytes, true);
            if (network instanceof MultiLayerNetwork) {
                MultiLayerNetwork copy = ModelSerializer.restoreMultiLayerNetwork(
                        new ByteArrayInputStream(bytes.toByteArray()), true);
                NetworkUtils.setLearningRate(copy, new ExponentialSweepSchedule(start, end, iterations,
                        copy.getIterationCount()));
                return copy;
            }
            ComputationGraph copy = ModelSerializer.restoreComputationGraph(
                    new ByteArrayInputStream(bytes.toByteArray()), true);
            NetworkUtils.setLearningRate(copy, new ExponentialSweepSchedule(start, end, iterations,
                    copy.getIterationCount()));
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the network for the range test", e);
        }
    }

    private static int iterationCount(Model model) {
        return model instanceof MultiLayerNetwork mln ? mln.getIterationCount()
                : ((ComputationGraph) model).getIterationCount();
    }

    private static void fit(Model model, DataSet batch) {
        if (model instanceof MultiLayerNetwork mln) {
            mln.fit(batch);
        } else {
            ((ComputationGraph) model).fit(batch);
        }
    }
}
