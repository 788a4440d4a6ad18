package org.terrain4j.listeners;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.api.Updater;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The last good parameters and updater state, copied every {@code period} iterations into
 * buffers allocated once, and put back when training diverges.
 */
final class RollbackSnapshot {

    private final int period;
    private INDArray parameters;
    private INDArray updaterState;
    private long iteration = -1;

    RollbackSnapshot(int period) {
        this.period = period;
    }

    /** Copies the network's state after a good iteration, if one is due. */
    void offer(Model model, long finishedIteration) {
        if (period == 0 || (finishedIteration + 1) % period != 0) {
            return;
        }
        INDArray params = model.params();
        INDArray state = stateOf(model);
        if (parameters == null || parameters.length() != params.length()) {
            parameters = params.dup();
        } else {
            parameters.assign(params);
        }
        if (state == null) {
            updaterState = null;
        } else if (updaterState == null || updaterState.length() != state.length()) {
            updaterState = state.dup();
        } else {
            updaterState.assign(state);
        }
        iteration = finishedIteration;
    }

    /** Whether there is a snapshot to go back to. */
    boolean available() {
        return iteration >= 0;
    }

    /** The iteration the snapshot was taken after. */
    long iteration() {
        return iteration;
    }

    /** Puts the snapshot back into the network. */
    void restore(Model model) {
        model.params().assign(parameters);
        INDArray state = stateOf(model);
        if (state != null && updaterState != null && state.length() == updaterState.length()) {
            state.assign(updaterState);
        }
    }

    private static INDArray stateOf(Model model) {
        Updater updater = model instanceof MultiLayerNetwork mln ? mln.getUpdater()
                : ((ComputationGraph) model).getUpdater();
        return updater == null ? null : updater.getStateViewArray();
    }
}
