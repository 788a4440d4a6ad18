package org.terrain4j.listeners;

import java.util.List;
import org.deeplearning4j.nn.api.Layer;

/**
 * Per-layer gradient norms (read before the updater step) and update-to-parameter ratios
 * (read after it, when DL4J's gradient view holds the applied update), taken every
 * {@code period} iterations into preallocated arrays. Norms are reductions over the layers'
 * views: nothing is copied.
 *
 * @param names layer names, in network order
 * @param gradientNorms L2 norm of each layer's gradient at the last sample
 * @param updateRatios |update| / |parameters| of each layer at the last sample
 */
public record LayerStatistics(List<String> names, double[] gradientNorms, double[] updateRatios) {

    static LayerStatistics forLayers(List<String> names) {
        return new LayerStatistics(List.copyOf(names), new double[names.size()], new double[names.size()]);
    }

    void readGradients(Layer[] layers) {
        for (int i = 0; i < layers.length && i < gradientNorms.length; i++) {
            gradientNorms[i] = layers[i].numParams() == 0 ? 0
                    : FlatVectors.norm(layers[i].getGradientsViewArray());
        }
    }

    void readUpdates(Layer[] layers) {
        for (int i = 0; i < layers.length && i < updateRatios.length; i++) {
            if (layers[i].numParams() == 0) {
                updateRatios[i] = 0;
                continue;
            }
            double update = FlatVectors.norm(layers[i].getGradientsViewArray());
            double params = FlatVectors.norm(layers[i].params());
            updateRatios[i] = params == 0 ? Double.NaN : update / params;
        }
    }
}
