package org.terrain4j.listeners;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/** Small real networks and a seeded synthetic classification task for listener tests. */
final class Networks {

    static final int FEATURES = 8;
    static final int CLASSES = 3;

    private Networks() {
    }

    static MultiLayerNetwork mlp(IUpdater updater) {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                .seed(1).weightInit(WeightInit.XAVIER).updater(updater).list()
                .layer(new DenseLayer.Builder().nIn(FEATURES).nOut(16).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(LossFunction.MCXENT).nIn(16).nOut(CLASSES)
                        .activation(Activation.SOFTMAX).build())
                .build());
        net.init();
        return net;
    }

    static ComputationGraph graph(IUpdater updater) {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(1).weightInit(WeightInit.XAVIER).updater(updater).graphBuilder()
                .addInputs("in")
                .setInputTypes(InputType.feedForward(FEATURES))
                .addLayer("hidden", new DenseLayer.Builder().nOut(16).activation(Activation.TANH).build(), "in")
                .addLayer("out", new OutputLayer.Builder(LossFunction.MCXENT).nOut(CLASSES)
                        .activation(Activation.SOFTMAX).build(), "hidden")
                .setOutputs("out")
                .build();
        ComputationGraph graph = new ComputationGraph(conf);
        graph.init();
        return graph;
    }

    /** {@code n} samples whose class is the argmax of three fixed projections, plus noise. */
    static DataSet task(int n, long seed) {
        INDArray x = gaussian(n, FEATURES, seed);
        INDArray w = gaussian(FEATURES, CLASSES, 99);
        INDArray scores = x.mmul(w);
        INDArray labels = Nd4j.zeros(DataType.FLOAT, n, CLASSES);
        INDArray argmax = scores.argMax(1);
        for (int i = 0; i < n; i++) {
            labels.putScalar(i, argmax.getInt(i), 1f);
        }
        return new DataSet(x, labels);
    }

    static INDArray gaussian(int rows, int columns, long seed) {
        java.util.Random random = new java.util.Random(seed);
        float[] values = new float[rows * columns];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return Nd4j.create(values, new long[] {rows, columns}, 'c');
    }
}
