package org.terrain4j.searchdemo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import org.deeplearning4j.arbiter.DL4JConfiguration;
import org.deeplearning4j.arbiter.optimize.api.CandidateGenerator;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.junit.jupiter.api.Test;
import org.terrain4j.arbiter.TerrainTrial;
import org.terrain4j.demo.DemoDataset;

class DemoSearchTest {

    @Test
    void eachDatasetGetsItsOwnShapeAndBatchSizesFromHalfToFourTimesTheDemos() {
        assertThat(drawn(DemoDataset.DIGITS)).containsExactly(16, 32, 64, 128);
        assertThat(drawn(DemoDataset.FASHION)).containsExactly(64, 128, 256, 512);
        assertThat(drawn(DemoDataset.IRIS)).containsExactly(8, 16, 32, 64);
    }

    /** The batch sizes of 200 random candidates, after checking each network's input and output widths. */
    private static Set<Integer> drawn(DemoDataset dataset) {
        CandidateGenerator generator = new DemoSearch(dataset, GeneratorKind.RANDOM, 200, 1, 1, 1).configuration()
                .getCandidateGenerator();
        Set<Integer> sizes = new TreeSet<>();
        for (int i = 0; i < 200; i++) {
            TerrainTrial trial = (TerrainTrial) generator.getCandidate().getValue();
            MultiLayerConfiguration conf = ((DL4JConfiguration) trial.network()).getMultiLayerConfiguration();
            assertThat(((FeedForwardLayer) conf.getConf(0).getLayer()).getNIn()).isEqualTo(dataset.features());
            assertThat(((FeedForwardLayer) conf.getConf(1).getLayer()).getNOut()).isEqualTo(dataset.classes());
            sizes.add(trial.batchSize());
        }
        return sizes;
    }
}
