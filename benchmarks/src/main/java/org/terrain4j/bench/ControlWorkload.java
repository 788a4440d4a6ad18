package org.terrain4j.bench;

import java.util.function.Function;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;
import org.nd4j.linalg.schedule.ISchedule;

/**
 * The workloads of the learning-rate control benchmark. The tuning set (digits) chose Terrain's
 * defaults; letters joined it after, for the next choice (digits' 359 validation samples cannot
 * tell two defaults apart by less than 0.28 points); the report set (Fashion-MNIST, other
 * architectures, other updaters) was run only to report them. Each has four starting rates spanning 100x, from about ten times too small to near
 * divergence.
 */
enum ControlWorkload {
    DIGITS_MLP_NESTEROV(true, ControlData.DIGITS, 32, 30, new double[] {0.003, 0.01, 0.03, 0.3},
            s -> new Nesterovs(s, 0.9), ControlWorkload::mlp),
    DIGITS_CNN_ADAM(true, ControlData.DIGITS_IMAGES, 32, 30, new double[] {1e-4, 3e-4, 1e-3, 1e-2},
            Adam::new, ControlWorkload::cnn),
    /** A short budget (10 epochs) with plain SGD, where the rate's noise floor is still high at the end. */
    DIGITS_MLP_SGD_SHORT(true, ControlData.DIGITS, 32, 10, new double[] {0.01, 0.03, 0.1, 0.5},
            Sgd::new, ControlWorkload::mlp),
    /**
     * Letter recognition (16 features, 26 classes) for 20 epochs: data with a validation set of
     * 4000 (one sample is 0.025 points, against 0.28 on digits) and a loss that keeps falling.
     */
    LETTERS_MLP_NESTEROV(true, ControlData.LETTERS, 64, 20, new double[] {0.003, 0.01, 0.03, 0.3},
            s -> new Nesterovs(s, 0.9), ControlWorkload::mlp),
    FASHION_MLP_SGD(false, ControlData.FASHION, 64, 10, new double[] {0.005, 0.02, 0.1, 0.5},
            Sgd::new, ControlWorkload::mlp),
    FASHION_CNN_NESTEROV(false, ControlData.FASHION_IMAGES, 64, 10, new double[] {0.003, 0.01, 0.03, 0.3},
            s -> new Nesterovs(s, 0.9), ControlWorkload::cnn),
    FASHION_LSTM_RMSPROP(false, ControlData.FASHION_ROWS, 64, 10, new double[] {1e-4, 3e-4, 1e-3, 1e-2},
            RmsProp::new, ControlWorkload::lstm),
    FASHION_SKIP_GRAPH_ADAM(false, ControlData.FASHION, 64, 10, new double[] {1e-4, 3e-4, 1e-3, 1e-2},
            Adam::new, ControlWorkload::skipGraph);

    /** Builds an initialised network for a data shape, an updater and a seed. */
    @FunctionalInterface
    interface NetworkFactory {
        Model build(ControlData.Shape shape, IUpdater updater, long seed);
    }

    final boolean tuning;
    final ControlData data;
    final int batch;
    final int epochs;
    final double[] rates;
    final Function<ISchedule, IUpdater> updater;
    final NetworkFactory network;

    ControlWorkload(boolean tuning, ControlData data, int batch, int epochs, double[] rates,
                    Function<ISchedule, IUpdater> updater, NetworkFactory network) {
        this.tuning = tuning;
        this.data = data;
        this.batch = batch;
        this.epochs = epochs;
        this.rates = rates;
        this.updater = updater;
        this.network = network;
    }

    private static NeuralNetConfiguration.Builder base(IUpdater updater, long seed) {
        return new NeuralNetConfiguration.Builder().seed(seed).weightInit(WeightInit.RELU).updater(updater);
    }

    private static OutputLayer softmax(int classes) {
        return new OutputLayer.Builder(LossFunction.MCXENT).nOut(classes).activation(Activation.SOFTMAX)
                .weightInit(WeightInit.XAVIER).build();
    }

    private static Model mlp(ControlData.Shape shape, IUpdater updater, long seed) {
        MultiLayerNetwork net = new MultiLayerNetwork(base(updater, seed).list()
                .layer(new DenseLayer.Builder().nOut(128).activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().nOut(64).activation(Activation.RELU).build())
                .layer(softmax(shape.classes()))
                .setInputType(InputType.feedForward(shape.features())).build());
        net.init();
        return net;
    }

    private static Model cnn(ControlData.Shape shape, IUpdater updater, long seed) {
        MultiLayerNetwork net = new MultiLayerNetwork(base(updater, seed).list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(8).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new DenseLayer.Builder().nOut(32).activation(Activation.RELU).build())
                .layer(softmax(shape.classes()))
                .setInputType(InputType.convolutionalFlat(shape.height(), shape.width(), 1)).build());
        net.init();
        return net;
    }

    private static Model lstm(ControlData.Shape shape, IUpdater updater, long seed) {
        MultiLayerNetwork net = new MultiLayerNetwork(base(updater, seed).weightInit(WeightInit.XAVIER).list()
                .layer(new LastTimeStep(new LSTM.Builder().nOut(32).activation(Activation.TANH).build()))
                .layer(softmax(shape.classes()))
                .setInputType(InputType.recurrent(shape.width(), shape.height())).build());
        net.init();
        return net;
    }

    /** A ComputationGraph with a skip connection: in -> a -> b, out(a + b). */
    private static Model skipGraph(ControlData.Shape shape, IUpdater updater, long seed) {
        ComputationGraphConfiguration conf = base(updater, seed).graphBuilder()
                .addInputs("in")
                .setInputTypes(InputType.feedForward(shape.features()))
                .addLayer("a", new DenseLayer.Builder().nOut(64).activation(Activation.RELU).build(), "in")
                .addLayer("b", new DenseLayer.Builder().nOut(64).activation(Activation.RELU).build(), "a")
                .addVertex("sum", new ElementWiseVertex(ElementWiseVertex.Op.Add), "a", "b")
                .addLayer("out", softmax(shape.classes()), "sum")
                .setOutputs("out")
                .build();
        ComputationGraph graph = new ComputationGraph(conf);
        graph.init();
        return graph;
    }
}
