package org.terrain4j.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RollbackPolicyTest {

    private static final RollbackPolicy P = new RollbackPolicy(10, 0.5);

    @Test
    void snapshotsAreKeptOnPeriodWhileTheLossIsNearItsBest() {
        assertThat(P.keepSnapshot(20, false, 1.4, 1.0, 10, 1.0)).isTrue();
        assertThat(P.keepSnapshot(21, false, 1.0, 1.0, 10, 1.0)).isFalse(); // off period
        assertThat(P.keepSnapshot(20, false, 1.6, 1.0, 10, 1.0)).isFalse(); // too far above the best
        assertThat(P.keepSnapshot(0, false, Double.NaN, Double.NaN, -1, Double.NaN)).isTrue(); // the first
    }

    @Test
    void aRateThatJustRoseIsNeverKept() {
        assertThat(P.keepSnapshot(20, true, 1.0, 1.0, 10, 1.0)).isFalse();
    }

    @Test
    void aStaleSnapshotIsRefreshedWhenTheLossHoldsNearItsOwn() {
        // Ten periods after the snapshot, the loss above its best for good but steady near the snapshot's.
        assertThat(P.keepSnapshot(110, false, 3.0, 1.0, 10, 2.5)).isTrue();
        assertThat(P.keepSnapshot(100, false, 3.0, 1.0, 10, 2.5)).isFalse(); // nine periods: not yet stale
        assertThat(P.keepSnapshot(110, false, 4.0, 1.0, 10, 2.5)).isFalse(); // rising faster than 1.5x
    }

    @Test
    void aRollbackResumesAtTheFactorTimesTheLowerOfTheRateNowAndTheRateAtTheSnapshot() {
        assertThat(P.rateFactor(100.0, 0.1, false)).isEqualTo(0.5 * 0.1 / 100.0);
        assertThat(P.rateFactor(0.1, 100.0, false)).isEqualTo(0.5);
        assertThat(P.rateFactor(0.1, Double.NaN, false)).isEqualTo(0.5);
        assertThat(P.rateFactor(100.0, 0.1, true)).isEqualTo(1.0); // the batch was the cause
    }

    @Test
    void optionsAreValidatedNamingTheValue() {
        assertThatThrownBy(() -> new RollbackPolicy(0, 0.5)).hasMessage("rollback every must be at least 1 iteration, got 0");
        assertThatThrownBy(() -> new RollbackPolicy(10, 1.0)).hasMessage("rollback factor must be in (0, 1), got 1.0");
    }
}
