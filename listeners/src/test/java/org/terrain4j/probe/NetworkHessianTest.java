package org.terrain4j.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;
import org.terrain4j.curvature.Lanczos;
import org.terrain4j.curvature.LanczosResult;

class NetworkHessianTest {

    private static MultiLayerNetwork network(int hidden, double dropout) {
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder().seed(5)
                .updater(new Adam(0.01)).list();
        DenseLayer.Builder dense = new DenseLayer.Builder().nIn(6).nOut(hidden).activation(Activation.TANH);
        if (dropout > 0) {
            dense.dropOut(dropout);
        }
        MultiLayerNetwork net = new MultiLayerNetwork(list.layer(dense.build())
                .layer(new OutputLayer.Builder(LossFunction.MCXENT).nIn(hidden).nOut(3).activation(Activation.SOFTMAX)
                        .build())
                .build());
        net.init();
        return net;
    }

    private static DataSet batch(int n, long seed) {
        Random random = new Random(seed);
        float[] x = new float[n * 6];
        float[] y = new float[n * 3];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 6; j++) {
                x[i * 6 + j] = (float) random.nextGaussian();
            }
            y[i * 3 + (x[i * 6] + x[i * 6 + 1] > 0 ? 0 : x[i * 6 + 2] > 0 ? 1 : 2)] = 1;
        }
        return new DataSet(Nd4j.create(x, new long[] {n, 6}, 'c'), Nd4j.create(y, new long[] {n, 3}, 'c'));
    }

    /** Trains 5 iterations, optionally probes, trains 5 more; dropout draws from the seeded global generator. */
    private static MultiLayerNetwork trainAround(ProductPrecision probe) {
        MultiLayerNetwork net = network(16, 0.8);
        DataSet train = batch(32, 1);
        Nd4j.getRandom().setSeed(77);
        for (int i = 0; i < 5; i++) {
            net.fit(train);
        }
        if (probe != null) {
            INDArray inputBefore = net.getInput();
            double scoreBefore = net.score();
            LanczosResult result = new ProbedNetwork(net, probe).probe(batch(64, 2),
                    hessian -> new Lanczos(8, 1e-10).run(hessian, new Random(3)));
            assertThat(result.largest()).isPositive();
            assertThat(net.getInput()).isSameAs(inputBefore);
            assertThat(net.score()).isEqualTo(scoreBefore);
            assertThat(net.getLayer(0).conf().getLayer().getIDropout()).isNotNull();
        }
        for (int i = 0; i < 5; i++) {
            net.fit(train);
        }
        return net;
    }

    @ParameterizedTest
    @EnumSource(ProductPrecision.class)
    void aProbeLeavesTrainingExactlyAsItWas(ProductPrecision precision) {
        MultiLayerNetwork probed = trainAround(precision);
        MultiLayerNetwork untouched = trainAround(null);

        assertThat(probed.params()).isEqualTo(untouched.params());
        assertThat(probed.getUpdater().getStateViewArray()).isEqualTo(untouched.getUpdater().getStateViewArray());
        assertThat(probed.getIterationCount()).isEqualTo(untouched.getIterationCount());
        assertThat(probed.getEpochCount()).isEqualTo(untouched.getEpochCount());
    }

    private static org.deeplearning4j.nn.graph.ComputationGraph graph() {
        org.deeplearning4j.nn.graph.ComputationGraph graph = new org.deeplearning4j.nn.graph.ComputationGraph(
                new NeuralNetConfiguration.Builder().seed(5).updater(new Adam(0.01)).graphBuilder()
                        .addInputs("in")
                        .addLayer("hidden", new DenseLayer.Builder().nIn(6).nOut(16).activation(Activation.TANH)
                                .dropOut(0.8).build(), "in")
                        .addLayer("out", new OutputLayer.Builder(LossFunction.MCXENT).nIn(16).nOut(3)
                                .activation(Activation.SOFTMAX).build(), "hidden")
                        .setOutputs("out")
                        .build());
        graph.init();
        return graph;
    }

    private static org.deeplearning4j.nn.graph.ComputationGraph trainGraphAround(ProductPrecision probe) {
        org.deeplearning4j.nn.graph.ComputationGraph graph = graph();
        DataSet train = batch(32, 1);
        Nd4j.getRandom().setSeed(77);
        for (int i = 0; i < 5; i++) {
            graph.fit(train);
        }
        if (probe != null) {
            DataSet probeBatch = NetworkHessian.lastBatch(graph).orElseThrow();
            LanczosResult result = new ProbedNetwork(graph, probe).probe(probeBatch,
                    hessian -> new Lanczos(8, 1e-10).run(hessian, new Random(3)));
            assertThat(result.largest()).isPositive();
        }
        for (int i = 0; i < 5; i++) {
            graph.fit(train);
        }
        return graph;
    }

    @ParameterizedTest
    @EnumSource(ProductPrecision.class)
    void aProbeLeavesComputationGraphTrainingExactlyAsItWas(ProductPrecision precision) {
        org.deeplearning4j.nn.graph.ComputationGraph probed = trainGraphAround(precision);
        org.deeplearning4j.nn.graph.ComputationGraph untouched = trainGraphAround(null);

        assertThat(probed.params()).isEqualTo(untouched.params());
        assertThat(probed.getUpdater().getStateViewArray()).isEqualTo(untouched.getUpdater().getStateViewArray());
        assertThat(probed.getIterationCount()).isEqualTo(untouched.getIterationCount());
    }
}
