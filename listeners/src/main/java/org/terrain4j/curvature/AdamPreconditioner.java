package org.terrain4j.curvature;

import java.util.Optional;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.api.Updater;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.BaseMultiLayerUpdater;
import org.deeplearning4j.nn.updater.UpdaterBlock;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.AdamUpdater;
import org.nd4j.linalg.learning.NoOpUpdater;
import org.nd4j.linalg.learning.config.Adam;

/**
 * The diagonal {@code D = P^-1} by which DL4J's Adam scales the momentum of each parameter at its
 * next step: {@code sqrt(1 - beta2^t) / ((1 - beta1^t) (sqrt(v_i) + eps))} with {@code t} the
 * step's iteration plus one (as libnd4j's adam updater counts), read from the network's own
 * updater state. Parameters the updater never moves (frozen, no-op) get 0.
 */
public final class AdamPreconditioner {

    private AdamPreconditioner() {
    }

    /**
     * {@code D} for the step of {@code iteration}, or empty when some parameter block's updater
     * is not Adam (or the updater state does not exist yet).
     */
    public static Optional<double[]> inverseDiagonal(Model model, long iteration) {
        Updater updater = model instanceof MultiLayerNetwork mln ? mln.getUpdater(false)
                : model instanceof ComputationGraph graph ? graph.getUpdater(false) : null;
        if (!(updater instanceof BaseMultiLayerUpdater<?> blocks)) {
            return Optional.empty();
        }
        double[] diagonal = new double[Math.toIntExact(model.numParams())];
        for (UpdaterBlock block : blocks.getUpdaterBlocks()) {
            if (block.getGradientUpdater() instanceof NoOpUpdater) {
                continue;
            }
            if (!(block.getGradientUpdater() instanceof AdamUpdater adam) || adam.getV() == null) {
                return Optional.empty();
            }
            Adam config = adam.getConfig();
            double t = iteration + 1.0;
            double scale = Math.sqrt(1 - Math.pow(config.getBeta2(), t)) / (1 - Math.pow(config.getBeta1(), t));
            INDArray v = adam.getV();
            int start = block.getParamOffsetStart();
            for (int i = 0; i < block.getParamOffsetEnd() - start; i++) {
                diagonal[start + i] = scale / (Math.sqrt(v.getDouble(i)) + config.getEpsilon());
            }
        }
        return Optional.of(diagonal);
    }
}
