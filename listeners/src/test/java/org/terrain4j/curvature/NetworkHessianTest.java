package org.terrain4j.curvature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.MatrixUtils;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

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
    private static MultiLayerNetwork trainAround(boolean probe) {
        MultiLayerNetwork net = network(16, 0.8);
        DataSet train = batch(32, 1);
        Nd4j.getRandom().setSeed(77);
        for (int i = 0; i < 5; i++) {
            net.fit(train);
        }
        if (probe) {
            INDArray inputBefore = net.getInput();
            double scoreBefore = net.score();
            LanczosResult result = NetworkHessian.probe(net, batch(64, 2),
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

    @Test
    void aProbeLeavesTrainingExactlyAsItWas() {
        MultiLayerNetwork probed = trainAround(true);
        MultiLayerNetwork untouched = trainAround(false);

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

    private static org.deeplearning4j.nn.graph.ComputationGraph trainGraphAround(boolean probe) {
        org.deeplearning4j.nn.graph.ComputationGraph graph = graph();
        DataSet train = batch(32, 1);
        Nd4j.getRandom().setSeed(77);
        for (int i = 0; i < 5; i++) {
            graph.fit(train);
        }
        if (probe) {
            DataSet probeBatch = NetworkHessian.lastBatch(graph).orElseThrow();
            LanczosResult result = NetworkHessian.probe(graph, probeBatch,
                    hessian -> new Lanczos(8, 1e-10).run(hessian, new Random(3)));
            assertThat(result.largest()).isPositive();
        }
        for (int i = 0; i < 5; i++) {
            graph.fit(train);
        }
        return graph;
    }

    @Test
    void aProbeLeavesComputationGraphTrainingExactlyAsItWas() {
        org.deeplearning4j.nn.graph.ComputationGraph probed = trainGraphAround(true);
        org.deeplearning4j.nn.graph.ComputationGraph untouched = trainGraphAround(false);

        assertThat(probed.params()).isEqualTo(untouched.params());
        assertThat(probed.getUpdater().getStateViewArray()).isEqualTo(untouched.getUpdater().getStateViewArray());
        assertThat(probed.getIterationCount()).isEqualTo(untouched.getIterationCount());
    }

    @Test
    void float32ProductsAgreeWithFloat64() {
        MultiLayerNetwork net = network(32, 0);
        net.fit(batch(64, 4));
        DataSet probeBatch = batch(128, 5);
        double[] v = new double[(int) net.numParams()];
        Random random = new Random(6);
        Arrays.setAll(v, i -> random.nextGaussian());
        double[] single = new double[v.length];
        double[] reference = new double[v.length];

        NetworkHessian.probe(net, probeBatch, h -> {
            h.apply(v, single);
            return null;
        });
        Model doubles = NetworkHessian.float64(net);
        NetworkHessian.probe(doubles, probeBatch.copy(), h -> {
            h.apply(v, reference);
            return null;
        });

        double error = 0;
        double size = 0;
        for (int i = 0; i < v.length; i++) {
            error += (single[i] - reference[i]) * (single[i] - reference[i]);
            size += reference[i] * reference[i];
        }
        assertThat(Math.sqrt(error / size)).isLessThan(1e-2);
    }

    @Test
    void lanczosExtremesMatchTheDenseHessianOfASmallNetwork() {
        Model net = NetworkHessian.float64(network(6, 0));
        DataSet probeBatch = batch(64, 7);

        double[][] dense = NetworkHessian.probe(net, probeBatch.copy(), SymmetricOperator::toDense);
        double[] exact = new EigenDecompositionSymmetric(MatrixUtils.createRealMatrix(dense)).getEigenvalues();
        double max = Arrays.stream(exact).max().orElseThrow();
        double min = Arrays.stream(exact).min().orElseThrow();

        LanczosResult result = NetworkHessian.probe(net, probeBatch.copy(),
                h -> new Lanczos(30, 1e-10).run(h, new Random(8)));

        assertThat(result.largest()).isCloseTo(max, within(0.01 * Math.abs(max)));
        assertThat(result.smallest()).isCloseTo(min, within(0.01 * Math.max(Math.abs(min), 0.01 * max)));
    }
}
