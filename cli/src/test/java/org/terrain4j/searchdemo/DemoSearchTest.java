package org.terrain4j.searchdemo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.deeplearning4j.arbiter.DL4JConfiguration;
import org.deeplearning4j.arbiter.optimize.api.CandidateGenerator;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.terrain4j.arbiter.TerrainTrial;
import org.terrain4j.demo.DemoDataset;
import org.terrain4j.study.run.LocalTrialExecutor;
import org.terrain4j.study.store.StoreLocation;
import org.terrain4j.study.store.StoredTrial;

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

    @Test
    void aTimeLimitEndsTheSearchLongBeforeItsTrialCap(@TempDir Path folder) {
        DemoSearch search = new DemoSearch(DemoDataset.IRIS, GeneratorKind.RANDOM, 10_000, 1, 1, 1);
        StudySettings settings = new StudySettings(StoreLocation.parse("sqlite:" + folder.resolve("s.db")), "timed",
                false, "none", 0, null);

        List<StoredTrial> trials = search.run(new TrialTable(new PrintWriter(new StringWriter())), settings,
                new LocalTrialExecutor(1), Duration.ofSeconds(2));

        long first = trials.stream().mapToLong(StoredTrial::startedAt).min().orElseThrow();
        long last = trials.stream().mapToLong(StoredTrial::startedAt).max().orElseThrow();
        assertThat(trials).hasSizeBetween(2, 9_999);
        // No trial starts once the limit has passed (the check and the start are a few milliseconds apart).
        assertThat(last - first).isLessThan(2_500);
    }

    @Test
    void aTimeLimitThatIsNotPositiveIsRefusedNamingIt() {
        DemoSearch search = new DemoSearch(DemoDataset.IRIS, GeneratorKind.RANDOM, 10, 1, 1, 1);

        assertThatThrownBy(() -> search.configuration(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("--max-time must be from 1 second to 365 days, got PT0S");
    }
}
