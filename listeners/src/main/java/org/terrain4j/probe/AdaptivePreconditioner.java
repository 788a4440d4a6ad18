package org.terrain4j.probe;

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
import org.nd4j.linalg.learning.RmsPropUpdater;
import org.nd4j.linalg.learning.config.Adam;

/**
 * The diagonal {@code D = P^-1} by which an adaptive updater scales each parameter's step, read
 * from the network's own updater state:
 * <ul>
 * <li>DL4J's Adam scales the momentum by {@code sqrt(1 - beta2^t) / ((1 - beta1^t) (sqrt(v_i) + eps))},
 * {@code t} the step's iteration plus one (as libnd4j's adam updater counts);</li>
 * <li>DL4J's RmsProp scales the gradient by {@code 1 / (sqrt(G_i) + eps)}, {@code G} its running
 * mean of squared gradients.</li>
 * </ul>
 * Parameters the updater never moves (frozen, no-op) get 0.
 */
public final class AdaptivePreconditioner {

    private AdaptivePreconditioner() {
    }

    /**
     * {@code D} for the step of {@code iteration}, or empty when some parameter block's updater
     * is neither Adam nor RmsProp (or the updater state does not exist yet).
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
            INDArray squares;
            double scale;
            double epsilon;
            if (block.getGradientUpdater() instanceof AdamUpdater adam && adam.getV() != null) {
                Adam config = adam.getConfig();
                double t = iteration + 1.0;
                scale = Math.sqrt(1 - Math.pow(config.getBeta2(), t)) / (1 - Math.pow(config.getBeta1(), t));
                squares = adam.getV();
                epsilon = config.getEpsilon();
            } else if (block.getGradientUpdater() instanceof RmsPropUpdater rms && rms.getLastGradient() != null) {
                scale = 1;
                squares = rms.getLastGradient();
                epsilon = rms.getConfig().getEpsilon();
            } else {
                return Optional.empty();
            }
            int start = block.getParamOffsetStart();
            for (int i = 0; i < block.getParamOffsetEnd() - start; i++) {
                diagonal[start + i] = scale / (Math.sqrt(squares.getDouble(i)) + epsilon);
            }
        }
        return Optional.of(diagonal);
    }
}
