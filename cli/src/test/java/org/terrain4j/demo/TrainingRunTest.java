package org.terrain4j.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.terrain4j.data.DatasetSplit;
import org.terrain4j.data.Datasets;

/** Real DL4J training on iris: a few epochs take well under a second. */
class TrainingRunTest {

    @Test
    void recordsEveryEpochReportsProgressAndLeavesNoListenerBehind() {
        DatasetSplit iris = Datasets.iris(1);
        MultiLayerNetwork network = DemoNetworks.mlp(4, List.of(16), 3, 0.05, 1);
        List<String> calls = new ArrayList<>();
        TrainingProgress progress = new TrainingProgress() {
            @Override
            public void start(String run, long totalIterations) {
                calls.add("start " + run + " " + totalIterations);
            }

            @Override
            public void iteration(double loss) {
                calls.add("iteration");
            }

            @Override
            public void epochEnd(EpochRecord epoch) {
                calls.add("epoch " + epoch.epoch());
            }

            @Override
            public void finish() {
                calls.add("finish");
            }
        };

        RunResult result = new TrainingRun(iris, 16, 1).train("iris", network, 3, progress,
                TrainingRun.ChangeLog.NONE);

        assertThat(result.epochs()).extracting(EpochRecord::epoch).containsExactly(1, 2, 3);
        assertThat(result.epochs()).allSatisfy(e -> assertThat(e.learningRate()).isEqualTo(0.05));
        assertThat(result.epochs().get(2).trainLoss()).isLessThan(result.epochs().get(0).trainLoss());
        assertThat(result.bestEpoch().validationAccuracy()).isGreaterThan(0.6);
        // 90 training samples in batches of 16: 6 iterations per epoch.
        assertThat(calls).startsWith("start iris 18").endsWith("epoch 3", "finish")
                .filteredOn("iteration"::equals).hasSize(18);
        assertThat(network.getListeners()).isEmpty();
    }

    @Test
    void sameSeedSameRun() {
        DatasetSplit iris = Datasets.iris(1);
        RunResult a = new TrainingRun(iris, 16, 9).train("a", DemoNetworks.mlp(4, List.of(8), 3, 0.05, 9),
                2, TrainingProgress.NONE, TrainingRun.ChangeLog.NONE);
        RunResult b = new TrainingRun(iris, 16, 9).train("b", DemoNetworks.mlp(4, List.of(8), 3, 0.05, 9),
                2, TrainingProgress.NONE, TrainingRun.ChangeLog.NONE);

        assertThat(b.epochs()).isEqualTo(a.epochs());
    }
}
