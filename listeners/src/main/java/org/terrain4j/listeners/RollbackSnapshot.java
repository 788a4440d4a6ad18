package org.terrain4j.listeners;

import java.util.Map;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.api.Updater;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.terrain4j.stats.TrainingSignals;

/**
 * The last good parameters and updater state, copied into buffers allocated once, with the
 * listener's statistics and rates of that moment, and put back when training diverges; when to
 * take one is {@link org.terrain4j.control.RollbackPolicy}'s decision.
 */
final class RollbackSnapshot {

    private INDArray parameters;
    private INDArray updaterState;
    private long iteration = -1;
    private TrainingSignals.State signals;
    private Map<String, Double> learningRates = Map.of();
    private double smoothedLoss = Double.NaN;

    /**
     * Copies the network's state (and the listener's statistics and learning rates) at the start
     * of an iteration.
     */
    void take(Model model, long currentIteration, TrainingSignals.State statistics, double smoothed,
              Map<String, Double> rates) {
        signals = statistics;
        smoothedLoss = smoothed;
        learningRates = rates;
        INDArray params = model.params();
        INDArray state = stateOf(model);
        if (parameters == null || parameters.length() != params.length() || parameters.dataType() != params.dataType()) {
            parameters = params.dup();
        } else {
            parameters.assign(params);
        }
        if (state == null) {
            updaterState = null;
        } else if (updaterState == null || updaterState.length() != state.length()
                || updaterState.dataType() != state.dataType()) {
            updaterState = state.dup();
        } else {
            updaterState.assign(state);
        }
        iteration = currentIteration;
    }

    /** Whether there is a snapshot to go back to. */
    boolean available() {
        return iteration >= 0;
    }

    /** The iteration at whose start the snapshot was taken. */
    long iteration() {
        return iteration;
    }

    /** The smoothed loss when the snapshot was taken; NaN before the first. */
    double smoothedLoss() {
        return smoothedLoss;
    }

    /** A layer's learning rate when the snapshot was taken; NaN when unknown. */
    double learningRate(String layer) {
        return learningRates.getOrDefault(layer, Double.NaN);
    }

    /** The listener's statistics when the snapshot was taken. */
    TrainingSignals.State signals() {
        return signals;
    }

    /** Puts the snapshot back into the network. */
    void restore(Model model) {
        if (parameters.length() != model.params().length()) {
            // Only a checkpoint restored onto another network gets here.
            throw new IllegalStateException("the rollback snapshot holds " + parameters.length()
                    + " parameters and the network " + model.params().length()
                    + ": the listener state was restored onto a different network");
        }
        model.params().assign(parameters.reshape(model.params().shape()));
        INDArray state = stateOf(model);
        if (state != null && updaterState != null && state.length() == updaterState.length()) {
            state.assign(updaterState.reshape(state.shape()));
        }
    }

    /** What to save; null before the first snapshot. */
    RollbackState state() {
        if (!available()) {
            return null;
        }
        return new RollbackState(iteration, smoothedLoss, signals, learningRates, ArrayBytes.of(parameters), ArrayBytes.of(updaterState));
    }

    /** Takes back a saved snapshot (null: none); the network gets it only on a rollback. */
    void restore(RollbackState state) {
        if (state == null) {
            return;
        }
        iteration = state.iteration();
        smoothedLoss = state.smoothedLoss();
        signals = state.signals();
        learningRates = state.learningRates();
        parameters = ArrayBytes.array(state.parameters(), null);
        updaterState = ArrayBytes.array(state.updaterState(), null);
    }

    private static INDArray stateOf(Model model) {
        Updater updater = model instanceof MultiLayerNetwork mln ? mln.getUpdater()
                : ((ComputationGraph) model).getUpdater();
        return updater == null ? null : updater.getStateViewArray();
    }
}
