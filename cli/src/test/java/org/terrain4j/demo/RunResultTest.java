package org.terrain4j.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunResultTest {

    static RunResult run(String name, List<LearningRateChange> explained, double... rates) {
        double[] accuracies = {0.80, 0.90, 0.95, 0.95, 0.93};
        List<EpochRecord> epochs = new java.util.ArrayList<>();
        for (int i = 0; i < rates.length; i++) {
            epochs.add(new EpochRecord(i + 1, 1.0 / (i + 1), 1.5 / (i + 1), accuracies[i], rates[i]));
        }
        return new RunResult(name, epochs, 0.94, explained, Duration.ofMillis(1234));
    }

    @Test
    void bestEpochIsTheEarliestWithTheHighestValidationAccuracy() {
        assertThat(run("r", List.of(), 0.1, 0.1, 0.1, 0.1, 0.1).bestEpoch().epoch()).isEqualTo(3);
    }

    @Test
    void changesAreReadFromTheEpochsAndExplainedWhereTheControllerSaidWhy() {
        RunResult result = run("r", List.of(new LearningRateChange(4, 0.1, 0.01, "plateau")),
                0.1, 0.05, 0.05, 0.01, 0.01);

        assertThat(result.learningRateChanges(0.1)).containsExactly(
                new LearningRateChange(2, 0.1, 0.05, "schedule"),
                new LearningRateChange(4, 0.05, 0.01, "plateau"));
    }

    @Test
    void aRunHasEpochs() {
        assertThatThrownBy(() -> new RunResult("r", List.of(), 0, List.of(), Duration.ZERO))
                .hasMessage("a run has at least one epoch");
    }
}
