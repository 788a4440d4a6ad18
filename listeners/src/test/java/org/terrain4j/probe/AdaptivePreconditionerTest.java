package org.terrain4j.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.AdamUpdater;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

class AdaptivePreconditionerTest {

    private static final double RATE = 0.01;

    private static Model network(boolean graph, org.nd4j.linalg.learning.config.IUpdater updater) {
        NeuralNetConfiguration.Builder builder = new NeuralNetConfiguration.Builder().seed(4).dataType(DataType.DOUBLE)
                .updater(updater);
        DenseLayer hidden = new DenseLayer.Builder().nIn(5).nOut(7).activation(Activation.TANH).build();
        OutputLayer out = new OutputLayer.Builder(LossFunction.MCXENT).nIn(7).nOut(3).activation(Activation.SOFTMAX).build();
        if (graph) {
            ComputationGraph net = new ComputationGraph(builder.graphBuilder().addInputs("in")
                    .addLayer("hidden", hidden, "in").addLayer("out", out, "hidden").setOutputs("out").build());
            net.init();
            return net;
        }
        MultiLayerNetwork net = new MultiLayerNetwork(builder.list().layer(hidden).layer(out).build());
        net.init();
        return net;
    }

    private static DataSet data() {
        INDArray x = Nd4j.rand(DataType.DOUBLE, 16, 5).subi(0.5);
        INDArray y = Nd4j.zeros(DataType.DOUBLE, 16, 3);
        for (int i = 0; i < 16; i++) {
            y.putScalar(i, i % 3, 1);
        }
        return new DataSet(x, y);
    }

    private static void fit(Model model, DataSet data) {
        if (model instanceof MultiLayerNetwork mln) {
            mln.fit(data);
        } else {
            ((ComputationGraph) model).fit(data);
        }
    }

    @ParameterizedTest(name = "graph {0}")
    @ValueSource(booleans = {false, true})
    void theDiagonalIsTheScaleOfAdamsOwnStep(boolean graph) {
        // The reference is DL4J's own step: after it, theta_new - theta_old = -lr * D * m, with m
        // and v as the step left them and D computed from that v for the step's iteration.
        Nd4j.getRandom().setSeed(3);
        Model net = network(graph, new Adam(RATE));
        DataSet data = data();
        for (int i = 0; i < 5; i++) {
            fit(net, data);
        }
        INDArray before = net.params().dup();
        fit(net, data); // iteration 5

        double[] d = AdaptivePreconditioner.inverseDiagonal(net, 5).orElseThrow();
        AdamUpdater adam = (AdamUpdater) ((org.deeplearning4j.nn.updater.BaseMultiLayerUpdater<?>) (graph
                ? ((ComputationGraph) net).getUpdater() : ((MultiLayerNetwork) net).getUpdater()))
                .getUpdaterBlocks().get(0).getGradientUpdater();
        INDArray step = net.params().sub(before);
        assertThat(d).hasSize((int) net.numParams());
        for (int i = 0; i < d.length; i++) {
            assertThat(step.getDouble(i)).as("parameter %d", i)
                    .isCloseTo(-RATE * d[i] * adam.getM().getDouble(i), within(1e-12));
        }
    }

    @ParameterizedTest(name = "graph {0}")
    @ValueSource(booleans = {false, true})
    void theDiagonalIsTheScaleOfRmsPropsOwnStep(boolean graph) {
        // RmsProp has no momentum: |theta_new - theta_old| = lr * D * |g|, where the step's own
        // gradient follows from the running mean it updated: g^2 = (G_new - decay G_old) / (1 - decay).
        Nd4j.getRandom().setSeed(3);
        double decay = 0.95;
        Model net = network(graph, new RmsProp(RATE, decay, 1e-8));
        DataSet data = data();
        for (int i = 0; i < 5; i++) {
            fit(net, data);
        }
        INDArray before = net.params().dup();
        INDArray squaresBefore = rmsProp(net, graph).getLastGradient().dup();
        fit(net, data);

        double[] d = AdaptivePreconditioner.inverseDiagonal(net, 5).orElseThrow();
        INDArray squares = rmsProp(net, graph).getLastGradient();
        INDArray step = net.params().sub(before);
        for (int i = 0; i < d.length; i++) {
            double gradient = Math.sqrt(Math.max(0,
                    (squares.getDouble(i) - decay * squaresBefore.getDouble(i)) / (1 - decay)));
            assertThat(Math.abs(step.getDouble(i))).as("parameter %d", i)
                    .isCloseTo(RATE * d[i] * gradient, within(1e-9 + 1e-6 * Math.abs(step.getDouble(i))));
        }
    }

    private static org.nd4j.linalg.learning.RmsPropUpdater rmsProp(Model net, boolean graph) {
        return (org.nd4j.linalg.learning.RmsPropUpdater) ((org.deeplearning4j.nn.updater.BaseMultiLayerUpdater<?>) (graph
                ? ((ComputationGraph) net).getUpdater() : ((MultiLayerNetwork) net).getUpdater()))
                .getUpdaterBlocks().get(0).getGradientUpdater();
    }

    @ParameterizedTest(name = "graph {0}")
    @ValueSource(booleans = {false, true})
    void otherUpdatersHaveNone(boolean graph) {
        Model net = network(graph, new Sgd(RATE));
        fit(net, data());
        assertThat(AdaptivePreconditioner.inverseDiagonal(net, 1)).isEmpty();
    }
}
