package org.terrain4j.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ExponentialMovingAverageTest {

    @Test
    void biasCorrectionMakesAConstantSignalItsOwnAverage() {
        ExponentialMovingAverage average = new ExponentialMovingAverage(0.9);
        assertThat(average.value()).isNaN();

        average.add(5);
        assertThat(average.value()).isEqualTo(5.0, within(1e-12));
        average.add(5);
        assertThat(average.value()).isEqualTo(5.0, within(1e-12));
    }

    @Test
    void weightsFollowTheFormula() {
        ExponentialMovingAverage average = new ExponentialMovingAverage(0.5);
        average.add(1);
        average.add(3);

        // m = 0.5 * (0.5 * 1) + 0.5 * 3 = 1.75; corrected by 1 - 0.25.
        assertThat(average.value()).isEqualTo(1.75 / 0.75, within(1e-12));
    }

    @Test
    void stateRoundTrip() {
        ExponentialMovingAverage a = new ExponentialMovingAverage(0.8);
        for (int i = 0; i < 7; i++) {
            a.add(i * i);
        }
        ExponentialMovingAverage b = new ExponentialMovingAverage(0.8);
        b.restore(a.state());
        a.add(2);
        b.add(2);

        assertThat(b.value()).isEqualTo(a.value(), within(1e-12));
    }

    @Test
    void betaOutsideRangeIsRejected() {
        assertThatThrownBy(() -> new ExponentialMovingAverage(1.0)).hasMessage("beta must be in [0, 1), got 1.0");
    }
}
