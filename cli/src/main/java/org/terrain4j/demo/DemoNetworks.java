package org.terrain4j.demo;

import java.util.List;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/** Builds the demo's networks: plain ReLU MLPs with a softmax output, seeded. */
public final class DemoNetworks {

    /** Momentum of the SGD updater, as in the benchmarks. */
    public static final double MOMENTUM = 0.9;

    private DemoNetworks() {
    }

    /**
     * An initialised MLP classifier trained by SGD with Nesterov momentum 0.9 at a constant
     * learning rate.
     *
     * @param inputs features per sample
     * @param hidden widths of the hidden ReLU layers, input side first
     * @param classes number of softmax outputs
     * @param learningRate the updater's learning rate
     * @param seed seed of the weight initialisation
     */
    public static MultiLayerNetwork mlp(int inputs, List<Integer> hidden, int classes,
                                        double learningRate, long seed) {
        return mlp(inputs, hidden, classes, new Nesterovs(learningRate, MOMENTUM), seed);
    }

    /** The same MLP with another updater. */
    public static MultiLayerNetwork mlp(int inputs, List<Integer> hidden, int classes,
                                        org.nd4j.linalg.learning.config.IUpdater updater, long seed) {
        NeuralNetConfiguration.ListBuilder layers = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .weightInit(WeightInit.RELU)
                .updater(updater)
                .list();
        int width = inputs;
        for (int units : hidden) {
            layers.layer(new DenseLayer.Builder().nIn(width).nOut(units)
                    .activation(Activation.RELU).build());
            width = units;
        }
        layers.layer(new OutputLayer.Builder(LossFunction.MCXENT).nIn(width).nOut(classes)
                .activation(Activation.SOFTMAX).weightInit(WeightInit.XAVIER).build());
        MultiLayerConfiguration configuration = layers.build();
        MultiLayerNetwork network = new MultiLayerNetwork(configuration);
        network.init();
        return network;
    }
}
