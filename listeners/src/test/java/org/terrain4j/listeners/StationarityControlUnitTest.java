package org.terrain4j.listeners;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.terrain4j.control.StationarityVerdict;

/** The listener's side of the stationarity test without a network: which iterations a verdict sees. */
class StationarityControlUnitTest {

    private static void relax(StationarityControl control, int iterations) {
        for (int k = 0; k < iterations; k++) {
            control.recordLoss(0.5 + 1.5 * Math.exp(-k / 8.0) + 0.01 * Math.sin(k * 1.7));
        }
    }

    @Test
    void aChangeOfRatesByAnyoneRestartsTheTest() {
        StationarityControl control = new StationarityControl(TerrainListenerBuilder.DEFAULT_STATIONARITY);
        control.start(Map.of("layer0", 0.1));
        relax(control, 300);
        assertThat(control.check(Map.of("layer0", 0.1)).kind()).isNotEqualTo(StationarityVerdict.Kind.TOO_FEW_SAMPLES);

        // A schedule or a curvature cap changed the rate since the last check: the iterations ran at two rates.
        StationarityVerdict restarted = control.check(Map.of("layer0", 0.05));

        assertThat(restarted.kind()).isEqualTo(StationarityVerdict.Kind.TOO_FEW_SAMPLES);
        assertThat(restarted.samples()).isZero();
        assertThat(control.testedRates()).containsEntry("layer0", 0.05);
    }

    @Test
    void aDecayStartsANewChainAtTheNewRates() {
        StationarityControl control = new StationarityControl(TerrainListenerBuilder.DEFAULT_STATIONARITY);
        control.start(Map.of("layer0", 0.1));
        relax(control, 300);
        control.decayed(Map.of("layer0", 0.03));
        relax(control, 100);

        assertThat(control.check(Map.of("layer0", 0.03)).kind()).isEqualTo(StationarityVerdict.Kind.TOO_FEW_SAMPLES);
        assertThat(control.testState().previousStretch()).isEqualTo(300);
        assertThat(control.noteVerdict(StationarityVerdict.Kind.STALLED)).isTrue();
        assertThat(control.noteVerdict(StationarityVerdict.Kind.STALLED)).isFalse();
        assertThat(control.stalling()).isTrue();
    }

    @Test
    void anEpochsLengthReachesTheTest() {
        StationarityControl control = new StationarityControl(TerrainListenerBuilder.DEFAULT_STATIONARITY);
        control.start(Map.of("layer0", 0.1));
        relax(control, 400);
        assertThat(control.check(Map.of("layer0", 0.1)).epochLag()).isZero();

        control.epochEnded(100);

        // 400 iterations at one rate: the last 100 against the same iterations two epochs earlier.
        assertThat(control.check(Map.of("layer0", 0.1)).epochLag()).isEqualTo(200);
    }
}
