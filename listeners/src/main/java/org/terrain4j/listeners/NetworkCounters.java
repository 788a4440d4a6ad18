package org.terrain4j.listeners;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/** Iteration and epoch counters and layer names of the two network types, which share no interface for them. */
final class NetworkCounters {

    private NetworkCounters() {
    }

    static long iteration(Model model) {
        return model instanceof MultiLayerNetwork mln ? mln.getIterationCount()
                : ((ComputationGraph) model).getIterationCount();
    }

    static long epoch(Model model) {
        return model instanceof MultiLayerNetwork mln ? mln.getEpochCount()
                : ((ComputationGraph) model).getEpochCount();
    }

    /** Every layer's configured name, or its index when it has none, in the order of {@code getLayers()}. */
    static List<String> layerNames(Model model) {
        Layer[] layers = model instanceof MultiLayerNetwork mln ? mln.getLayers()
                : ((ComputationGraph) model).getLayers();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < layers.length; i++) {
            String name = layers[i].conf().getLayer().getLayerName();
            names.add(name != null ? name : Integer.toString(i));
        }
        return names;
    }
}
