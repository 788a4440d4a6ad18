package org.terrain4j.study.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.terrain4j.study.store.StoredTrial;
import org.terrain4j.study.store.TrialState;

class AbandonedTest {

    private static final double[] POINT = {0.25, 0.5};

    private static StoredTrial abandoned(int number, boolean isolated) {
        return new StoredTrial(number, TrialState.FAILED, POINT, "", null, Abandoned.REASON + ": worker w stopped; "
                + Abandoned.RETRIED, "w", 0, 0, 1L, List.of(), isolated, null,
                org.terrain4j.study.store.Abandonment.RETRIED);
    }

    @Test
    void onlyAbandonmentsInsideTheDeadProcessCountAgainstTheRetries() {
        List<StoredTrial> inProcess = IntStream.range(0, 3).mapToObj(n -> abandoned(n, false)).toList();
        List<StoredTrial> inWorkers = IntStream.range(0, 3).mapToObj(n -> abandoned(n, true)).toList();

        assertThat(Abandoned.abandonedBefore(inProcess, POINT, 3)).isTrue();
        // Driver kills while the configuration trained in a worker process of its own say nothing about it.
        assertThat(Abandoned.abandonedBefore(inWorkers, POINT, 3)).isFalse();
        assertThat(Abandoned.abandonedBefore(inProcess, new double[] {0.5, 0.5}, 3)).isFalse();
    }
}
