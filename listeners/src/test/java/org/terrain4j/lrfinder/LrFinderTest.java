package org.terrain4j.lrfinder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;
import org.terrain4j.schedule.LrRangeCurve;

class LrFinderTest {

    private static final int SIZE = 256;

    private static List<DataSet> batches(int count) {
        Random random = new Random(4);
        List<DataSet> batches = new ArrayList<>();
        for (int b = 0; b < count; b++) {
            float[] x = new float[SIZE * 4];
            float[] y = new float[SIZE];
            for (int i = 0; i < SIZE; i++) {
                for (int j = 0; j < 4; j++) {
                    x[i * 4 + j] = (float) random.nextGaussian();
                }
                y[i] = x[i * 4] - 2 * x[i * 4 + 1] + 0.5f * x[i * 4 + 2];
            }
            batches.add(new DataSet(Nd4j.create(x, new long[] {SIZE, 4}, 'c'), Nd4j.create(y, new long[] {SIZE, 1}, 'c')));
        }
        return batches;
    }

    private static MultiLayerNetwork network() {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(2)
                .updater(new Nesterovs(1e-3, 0.9)).list()
                .layer(new DenseLayer.Builder().nIn(4).nOut(16).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(LossFunction.MSE).nIn(16).nOut(1).activation(Activation.IDENTITY).build())
                .build());
        net.init();
        return net;
    }

    @Test
    void sweepsUpToDivergenceAndLeavesTheNetworkUntouched() {
        MultiLayerNetwork net = network();
        net.fit(batches(1).get(0));
        INDArray params = net.params().dup();
        INDArray updaterState = net.getUpdater().getStateViewArray().dup();
        int iterations = net.getIterationCount();

        LrRangeCurve curve = LrFinder.DEFAULTS.find(net, new ListDataSetIterator<>(batches(100), 1));

        assertThat(curve.stoppedEarly()).isTrue();
        assertThat(curve.rates()[0]).isEqualTo(1e-7);
        assertThat(curve.steepest()).isBetween(1e-4, 1.0);
        assertThat(curve.minimumOverTen()).isBetween(1e-4, 1.0);
        assertThat(net.params()).isEqualTo(params);
        assertThat(net.getUpdater().getStateViewArray()).isEqualTo(updaterState);
        assertThat(net.getIterationCount()).isEqualTo(iterations);
        assertThat(net.getLearningRate(0)).isEqualTo(1e-3);
    }

    @Test
    void tooFewBatchesAreExplainedWithAFix() {
        assertThatThrownBy(() -> LrFinder.DEFAULTS.find(network(), new ListDataSetIterator<>(batches(20), 1)))
                .hasMessage("the data has only 20 batches but the sweep needs 100 iterations: sweep over 20 iterations "
                        + "(--iterations 20), or repeat the data (--repeat-data)");
    }

    @Test
    void repeatingTheDataCompletesTheSweep() {
        LrRangeCurve curve = LrFinder.DEFAULTS.withRange(1e-5, 1e-2).withRepeatData(true)
                .find(network(), new ListDataSetIterator<>(batches(20), 1));

        assertThat(curve.rates()).hasSize(100);
        assertThat(curve.rates()[99]).isCloseTo(1e-2, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void settingsAreValidated() {
        assertThatThrownBy(() -> LrFinder.DEFAULTS.withIterations(2)).hasMessage("iterations must be at least 3, got 2");
        assertThatThrownBy(() -> LrFinder.DEFAULTS.withRange(0, 1))
                .hasMessage("start learning rate must be finite and positive, got 0.0");
    }
}
