package org.terrain4j.bench;

import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A listener that times another: every callback is passed on, and the nanoseconds spent inside
 * them are summed. What a listener costs, measured where it is spent, whatever the network
 * instance it trains with: a side-by-side comparison of separate networks also carries each
 * instance's own speed (memory placement, JIT), which on a shared machine is several percent.
 * Not thread-safe, as DL4J calls a network's listeners from its training thread. Each callback
 * is timed inline, not through a shared helper taking a lambda, so that the timer itself adds no
 * allocation to the iterations it measures.
 */
final class TimedListener implements TrainingListener {

    private final TrainingListener inner;
    private long nanos;

    TimedListener(TrainingListener inner) {
        this.inner = inner;
    }

    /** Nanoseconds spent in the inner listener since the last call, and starts counting again. */
    long takeNanos() {
        long n = nanos;
        nanos = 0;
        return n;
    }

    @Override
    public void iterationDone(Model model, int iteration, int epoch) {
        long start = System.nanoTime();
        inner.iterationDone(model, iteration, epoch);
        nanos += System.nanoTime() - start;
    }

    @Override
    public void onEpochStart(Model model) {
        long start = System.nanoTime();
        inner.onEpochStart(model);
        nanos += System.nanoTime() - start;
    }

    @Override
    public void onEpochEnd(Model model) {
        long start = System.nanoTime();
        inner.onEpochEnd(model);
        nanos += System.nanoTime() - start;
    }

    @Override
    public void onForwardPass(Model model, List<INDArray> activations) {
        long start = System.nanoTime();
        inner.onForwardPass(model, activations);
        nanos += System.nanoTime() - start;
    }

    @Override
    public void onForwardPass(Model model, Map<String, INDArray> activations) {
        long start = System.nanoTime();
        inner.onForwardPass(model, activations);
        nanos += System.nanoTime() - start;
    }

    @Override
    public void onGradientCalculation(Model model) {
        long start = System.nanoTime();
        inner.onGradientCalculation(model);
        nanos += System.nanoTime() - start;
    }

    @Override
    public void onBackwardPass(Model model) {
        long start = System.nanoTime();
        inner.onBackwardPass(model);
        nanos += System.nanoTime() - start;
    }
}
