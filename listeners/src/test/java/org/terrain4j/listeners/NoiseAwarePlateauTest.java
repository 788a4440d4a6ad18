package org.terrain4j.listeners;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Sgd;
import org.terrain4j.stats.BatchSizeAdvice;

/**
 * The gradient's say in plateau detection: with batches of 4 on a noisy task the batch is far
 * below the gradient noise scale, and a check then needs the noise-dominated threshold of
 * improvement to count; with the gradient's say turned off (a plain ReduceLROnPlateau), the
 * same training with the same 1% threshold cuts the rate later or not at all.
 */
class NoiseAwarePlateauTest {

    private static final List<DataSet> BATCHES = Networks.task(2048, 11).batchBy(4);

    private static MultiLayerNetwork train(TerrainListener listener) {
        MultiLayerNetwork net = Networks.mlp(new Sgd(0.02));
        net.addListeners(listener);
        for (int i = 0; i < 1200; i++) {
            net.fit(BATCHES.get(i % BATCHES.size()));
        }
        return net;
    }

    private static TerrainListenerBuilder builder() {
        return TerrainListener.builder().checks(CheckSchedule.everyIterations(100)).noiseScale(20, 8, 0.5)
                .patience(0);
    }

    @Test
    void noiseDominatedTrainingDemandsMoreImprovement() {
        TerrainListener aware = builder().noiseDominatedThreshold(0.2).build();
        TerrainListener plain = builder().noiseDominatedThreshold(0).build();

        MultiLayerNetwork awareNet = train(aware);
        MultiLayerNetwork plainNet = train(plain);

        assertThat(aware.batchSizeAdvice()).isEqualTo(BatchSizeAdvice.FAR_BELOW);
        long awareCuts = cuts(aware);
        long plainCuts = cuts(plain);
        assertThat(awareCuts).isGreaterThan(plainCuts);
        assertThat(awareNet.getLearningRate(0)).isLessThan(plainNet.getLearningRate(0));
    }

    private static long cuts(TerrainListener listener) {
        return listener.events().stream().filter(e -> e.type() == EventType.LEARNING_RATE_SCALED).count();
    }
}
