package org.terrain4j.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlateauDetectorTest {

    /** Improves by 1% per check until check 137, then stays flat. */
    private static double lossAt(int check) {
        return 100 * Math.pow(0.99, Math.min(check, 136));
    }

    private static List<Integer> plateaus(PlateauDetector detector, int checks) {
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < checks; i++) {
            if (detector.observe(lossAt(i))) {
                at.add(i);
            }
        }
        return at;
    }

    @Test
    void plateauStartingAtCheck137WithPatience5FiresAtCheck142AndThenEveryPatiencePlusOne() {
        PlateauDetector detector = new PlateauDetector(PlateauOptions.PYTORCH_DEFAULTS.withPatience(5));

        assertThat(plateaus(detector, 160)).containsExactly(142, 148, 154);
    }

    @Test
    void cooldownForgetsBadChecksAfterEachPlateau() {
        PlateauDetector detector = new PlateauDetector(PlateauOptions.PYTORCH_DEFAULTS.withPatience(5).withCooldown(3));

        // 142, then three cooldown checks (143-145) that count nothing, then six bad checks.
        assertThat(plateaus(detector, 170)).containsExactly(142, 151, 160, 169);
    }

    @Test
    void improvementsSmallerThanTheRelativeThresholdDoNotCount() {
        PlateauDetector detector = new PlateauDetector(PlateauOptions.PYTORCH_DEFAULTS.withPatience(1)
                .withThreshold(0.1, ThresholdMode.RELATIVE));

        // 1.0 is the best; 0.95 and 0.91 are within 10% of it: bad, bad -> plateau on the second.
        assertThat(detector.observe(1.0)).isFalse();
        assertThat(detector.observe(0.95)).isFalse();
        assertThat(detector.observe(0.91)).isTrue();
        assertThat(detector.best()).isEqualTo(1.0);
        assertThat(detector.observe(0.89)).isFalse();
        assertThat(detector.best()).isEqualTo(0.89);
    }

    @Test
    void maxModeWithAbsoluteThreshold() {
        PlateauDetector detector = new PlateauDetector(PlateauOptions.PYTORCH_DEFAULTS.withMode(Mode.MAX)
                .withPatience(0).withThreshold(0.01, ThresholdMode.ABSOLUTE));

        assertThat(detector.observe(0.80)).isFalse();
        assertThat(detector.observe(0.815)).isFalse();
        assertThat(detector.observe(0.82)).isTrue();
        assertThat(detector.best()).isEqualTo(0.815);
    }

    @Test
    void nanIsNeverAnImprovement() {
        PlateauDetector detector = new PlateauDetector(PlateauOptions.PYTORCH_DEFAULTS.withPatience(0));

        assertThat(detector.observe(1.0)).isFalse();
        assertThat(detector.observe(Double.NaN)).isTrue();
        assertThat(detector.best()).isEqualTo(1.0);
    }

    @Test
    void stateRoundTripContinuesTheSameCount() {
        PlateauDetector original = new PlateauDetector(PlateauOptions.PYTORCH_DEFAULTS.withPatience(5).withCooldown(3));
        for (int i = 0; i < 145; i++) {
            original.observe(lossAt(i));
        }
        PlateauDetector resumed = new PlateauDetector(original.options());
        resumed.restore(original.state());

        for (int i = 145; i < 170; i++) {
            assertThat(resumed.observe(lossAt(i))).as("check %d", i).isEqualTo(original.observe(lossAt(i)));
        }
    }
}
