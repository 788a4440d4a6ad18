package org.terrain4j.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LrRangeCurveTest {

    @Test
    void suggestionsFollowFastai() {
        double[] rates = {1e-4, 1e-3, 1e-2, 1e-1, 1};
        double[] smoothed = {2.0, 1.9, 1.0, 0.8, 3.0};

        LrRangeCurve curve = new LrRangeCurve(rates, smoothed, smoothed, true);

        // Steepest fall per log step: 1.9 -> 1.0, between 1e-3 and 1e-2.
        assertThat(curve.steepest()).isEqualTo(1e-3);
        assertThat(curve.minimumOverTen()).isEqualTo(1e-2, within(1e-18));
    }

    @Test
    void sweepIsGeometricFromItsOffset() {
        ExponentialSweepSchedule sweep = new ExponentialSweepSchedule(1e-6, 1, 7, 100);

        assertThat(sweep.valueAt(100, 0)).isEqualTo(1e-6);
        assertThat(sweep.valueAt(103, 0)).isCloseTo(1e-3, within(1e-15));
        assertThat(sweep.valueAt(106, 0)).isCloseTo(1.0, within(1e-12));
        assertThat(sweep.valueAt(0, 0)).isEqualTo(1e-6);
    }

    @Test
    void tooShortCurvesAndBadRangesAreExplained() {
        assertThatThrownBy(() -> new LrRangeCurve(new double[] {1, 2}, new double[] {1, 2}, new double[] {1, 2}, true))
                .hasMessage("a range test needs at least 3 points to suggest a rate, got 2 (the loss diverged at once: "
                        + "lower the start rate)");
        assertThatThrownBy(() -> new ExponentialSweepSchedule(1e-3, 1e-4, 10, 0))
                .hasMessage("end learning rate must be finite and above start 0.001, got 1.0E-4");
    }
}
