package org.terrain4j.probe;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.dropout.IDropout;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What a probe may touch on a network and must give back: the parameters (values), the last
 * score, the input and labels with their masks, and each layer's dropout (switched off during
 * the probe so that it neither randomizes the gradients nor consumes random numbers). Updater
 * state, iteration and epoch counters are never touched by a probe.
 */
final class NetworkState {

    private final Model model;
    private final INDArray parameters;
    private final double score;
    private final INDArray[] inputs;
    private final INDArray[] labels;
    private final INDArray[] inputMasks;
    private final INDArray[] labelMasks;
    private final List<IDropout> dropouts = new ArrayList<>();

    private NetworkState(Model model) {
        this.model = model;
        this.parameters = model.params().dup();
        this.score = model.score();
        if (model instanceof MultiLayerNetwork mln) {
            inputs = new INDArray[] {mln.getInput()};
            labels = new INDArray[] {mln.getLabels()};
            inputMasks = new INDArray[] {mln.getMask()};
            labelMasks = null;
        } else {
            ComputationGraph graph = (ComputationGraph) model;
            inputs = graph.getInputs();
            labels = graphLabels(graph);
            inputMasks = graph.getInputMaskArrays();
            labelMasks = graph.getLabelMaskArrays();
        }
        for (org.deeplearning4j.nn.conf.layers.Layer layer : layerConfigurations()) {
            dropouts.add(layer.getIDropout());
            layer.setIDropout(null);
        }
    }

    /** Takes the state and switches dropout off until {@link #restore()}. */
    static NetworkState capture(Model model) {
        return new NetworkState(model);
    }

    /** The parameters as they were, for perturbations. */
    INDArray parameters() {
        return parameters;
    }

    /** Gives everything back. */
    void restore() {
        model.params().assign(parameters);
        List<org.deeplearning4j.nn.conf.layers.Layer> layers = layerConfigurations();
        for (int i = 0; i < layers.size(); i++) {
            layers.get(i).setIDropout(dropouts.get(i));
        }
        if (model instanceof MultiLayerNetwork mln) {
            mln.setScore(score);
            mln.setInput(inputs[0]);
            mln.setLabels(labels[0]);
            mln.setLayerMaskArrays(inputMasks[0], null);
        } else {
            ComputationGraph graph = (ComputationGraph) model;
            graph.setScore(score);
            graph.setInputs(inputs);
            graph.setLabels(labels);
            graph.setLayerMaskArrays(inputMasks, labelMasks);
        }
    }

    private List<org.deeplearning4j.nn.conf.layers.Layer> layerConfigurations() {
        List<org.deeplearning4j.nn.conf.layers.Layer> layers = new ArrayList<>();
        org.deeplearning4j.nn.api.Layer[] all = model instanceof MultiLayerNetwork mln ? mln.getLayers()
                : ((ComputationGraph) model).getLayers();
        for (org.deeplearning4j.nn.api.Layer layer : all) {
            layers.add(layer.conf().getLayer());
        }
        return layers;
    }

    /** ComputationGraph has a setter for its labels but no getter. */
    static INDArray[] graphLabels(ComputationGraph graph) {
        try {
            Field field = ComputationGraph.class.getDeclaredField("labels");
            field.setAccessible(true);
            return (INDArray[]) field.get(graph);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read the ComputationGraph's labels to restore them after a probe", e);
        }
    }
}
