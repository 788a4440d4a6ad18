package org.terrain4j.listeners;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Nesterovs;

class TerrainListenerTrainingTest {

    @Test
    void plateauOnTheTrainingLossCutsTheLearningRate() {
        MultiLayerNetwork net = Networks.mlp(new Nesterovs(0.1, 0.9));
        TerrainListener listener = TerrainListener.builder().patience(0).threshold(0.5,
                org.terrain4j.control.ThresholdMode.RELATIVE).build();
        net.addListeners(listener);
        List<DataSet> batches = Networks.task(256, 3).batchBy(32);

        for (int epoch = 0; epoch < 4; epoch++) {
            net.fit(new ListDataSetIterator<>(batches));
        }

        System.out.println(listener.events());
        assertThat(net.getLearningRate(0)).isLessThan(0.1);
    }
}
