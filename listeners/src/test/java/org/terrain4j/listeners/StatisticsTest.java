package org.terrain4j.listeners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.adapter.MultiDataSetIteratorAdapter;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.Sgd;
import org.terrain4j.stats.BatchSizeAdvice;

class StatisticsTest {

    private static final List<DataSet> BATCHES = Networks.task(512, 5).batchBy(16);

    @Test
    void gradientNormIsTheNormOfWhatTheUpdaterReceives() {
        // With plain SGD at rate 1 the update equals the gradient: |params_before - params_after| = |g|.
        MultiLayerNetwork net = Networks.mlp(new Sgd(1.0));
        TerrainListener listener = new TerrainListener();
        net.addListeners(listener);
        DataSet batch = BATCHES.get(0);
        org.nd4j.linalg.api.ndarray.INDArray before = net.params().dup();

        net.fit(batch);

        double step = before.sub(net.params()).norm2Number().doubleValue();
        assertThat(listener.statistics().gradientNorm()).isCloseTo(step, within(1e-4 * step));
    }

    @Test
    void iteratorTrainingFillsEveryStatistic() {
        MultiLayerNetwork net = Networks.mlp(new Nesterovs(0.05, 0.9));
        TerrainListener listener = TerrainListener.builder().layerStatisticsPeriod(10).noiseScale(16, 8, 0.5).build();
        net.addListeners(listener);

        net.fit(new ListDataSetIterator<>(BATCHES, 1), 3);

        var summary = listener.statistics();
        assertThat(summary.iterations()).isEqualTo(96);
        assertThat(summary.smoothedLoss()).isLessThan(summary.lossWindowMean() * 1.5).isPositive();
        assertThat(summary.gradientNormWindowVariance()).isPositive();
        LayerStatistics layers = listener.layerStatistics();
        assertThat(layers.names()).containsExactly("layer0", "layer1");
        assertThat(java.util.Arrays.stream(layers.gradientNorms()).boxed().toList())
                .allSatisfy(n -> assertThat(n).isPositive());
        assertThat(java.util.Arrays.stream(layers.updateRatios()).boxed().toList())
                .allSatisfy(r -> assertThat(r).isBetween(1e-6, 1.0));
        assertThat(listener.gradientNoiseScale()).isPositive();
        assertThat(listener.batchSizeAdvice()).isNotEqualTo(BatchSizeAdvice.UNKNOWN);
        // Three epochs ended: three checks of the default epoch-end schedule.
        assertThat(listener.state().checks()).isEqualTo(3);
    }

    @Test
    void computationGraphTrainsOnAMultiDataSetIterator() {
        ComputationGraph graph = Networks.graph(new Sgd(0.1));
        TerrainListener listener = new TerrainListener();
        graph.addListeners(listener);

        graph.fit(new MultiDataSetIteratorAdapter(new ListDataSetIterator<>(BATCHES, 1)), 2);

        assertThat(listener.statistics().iterations()).isEqualTo(64);
        assertThat(listener.state().checks()).isEqualTo(2);
        assertThat(listener.layerStatistics().names()).containsExactly("hidden", "out");
    }

    @Test
    void fitOnDataSetsWithoutEpochsChecksEveryHundredIterations() {
        MultiLayerNetwork net = Networks.mlp(new Sgd(0.05));
        TerrainListener listener = new TerrainListener();
        net.addListeners(listener);

        for (int i = 0; i < 250; i++) {
            net.fit(BATCHES.get(i % BATCHES.size()));
        }

        assertThat(listener.state().checks()).isEqualTo(2);
    }
}
