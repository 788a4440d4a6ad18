package org.terrain4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.deeplearning4j.earlystopping.EarlyStoppingResult;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EarlyStoppingDigitsTest {

    @TempDir
    Path folder;

    @Test
    void terrainEndsTheRunBeforeTheEpochLimitAndDl4jKeepsTheBestModel() throws Exception {
        EarlyStoppingResult<MultiLayerNetwork> result = EarlyStoppingDigits.train(folder, 100);

        assertThat(result.getTerminationReason()).isEqualTo(EarlyStoppingResult.TerminationReason.EpochTerminationCondition);
        assertThat(result.getTerminationDetails()).startsWith("TerrainTermination(Terrain: no progress at the noise floor");
        assertThat(result.getTotalEpochs()).isLessThan(100);
        assertThat(folder.resolve("bestModel.bin")).exists();
        assertThat(result.getBestModel().getLearningRate(0)).isNotNull();
    }
}
