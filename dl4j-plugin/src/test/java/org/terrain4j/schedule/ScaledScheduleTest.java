package org.terrain4j.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.FixedSchedule;
import org.nd4j.linalg.schedule.ScheduleType;

class ScaledScheduleTest {

    @Test
    void factorsApplyFromTheirIterationOn() {
        ScaledSchedule schedule = ScaledSchedule.of(new FixedSchedule(0.1)).scaledFrom(100, 0.1).scaledFrom(250, 0.01);

        assertThat(schedule.valueAt(0, 0)).isEqualTo(0.1);
        assertThat(schedule.valueAt(99, 0)).isEqualTo(0.1);
        assertThat(schedule.valueAt(100, 0)).isEqualTo(0.1 * 0.1);
        assertThat(schedule.valueAt(249, 3)).isEqualTo(0.1 * 0.1);
        assertThat(schedule.valueAt(250, 3)).isEqualTo(0.1 * 0.01);
    }

    @Test
    void scalesABaseScheduleRatherThanReplacingIt() {
        ExponentialSchedule base = new ExponentialSchedule(ScheduleType.ITERATION, 0.1, 0.99);
        ScaledSchedule schedule = ScaledSchedule.of(base).scaledFrom(10, 0.5);

        assertThat(schedule.valueAt(20, 0)).isEqualTo(0.5 * base.valueAt(20, 0), within(1e-15));
        assertThat(schedule.base()).isSameAs(base);
    }

    @Test
    void aChangeAtTheLastChangeIterationReplacesIt() {
        ScaledSchedule schedule = ScaledSchedule.of(new FixedSchedule(1)).scaledFrom(5, 0.5).scaledFrom(5, 0.25);

        assertThat(schedule.changeIterations()).containsExactly(5);
        assertThat(schedule.factors()).containsExactly(0.25);
    }

    @Test
    void historyIsNeverRewritten() {
        ScaledSchedule schedule = ScaledSchedule.of(new FixedSchedule(1)).scaledFrom(5, 0.5);

        assertThatThrownBy(() -> schedule.scaledFrom(4, 0.1)).hasMessage("iteration 4 is before the last change at 5");
        assertThatThrownBy(() -> new ScaledSchedule(new FixedSchedule(1), new int[] {3, 3}, new double[] {1, 1}))
                .hasMessage("changeIterations must be non-negative and strictly increasing, got [3, 3]");
        assertThatThrownBy(() -> new ScaledSchedule(new FixedSchedule(1), new int[] {3}, new double[] {0}))
                .hasMessage("factors[0] must be finite and positive, got 0.0");
    }

    @Test
    void equalSchedulesAreEqual() {
        ScaledSchedule a = ScaledSchedule.of(new FixedSchedule(0.1)).scaledFrom(3, 0.5);
        ScaledSchedule b = ScaledSchedule.of(new FixedSchedule(0.1)).scaledFrom(3, 0.5);

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isEqualTo(a.clone());
        assertThat(a).isNotEqualTo(b.scaledFrom(4, 0.25));
    }

    @Test
    void aCooldownAnnealsLinearlyToZeroAndLaterFactorsStillApply() {
        ScaledSchedule schedule = ScaledSchedule.of(new FixedSchedule(0.1)).scaledFrom(10, 0.5).withCooldown(100, 200);

        assertThat(schedule.valueAt(99, 0)).isEqualTo(0.05);
        assertThat(schedule.valueAt(100, 0)).isEqualTo(0.05);
        assertThat(schedule.valueAt(150, 0)).isCloseTo(0.025, within(1e-15));
        assertThat(schedule.valueAt(199, 0)).isCloseTo(0.0005, within(1e-15));
        assertThat(schedule.valueAt(200, 0)).isZero();
        assertThat(schedule.valueAt(5000, 9)).isZero();
        // a rollback during the cooldown halves the ramp; the cooldown stays
        ScaledSchedule rolledBack = schedule.scaledFrom(150, 0.25);
        assertThat(rolledBack.valueAt(150, 0)).isCloseTo(0.0125, within(1e-15));
        assertThat(rolledBack.coolsDown()).isTrue();
        assertThat(ScaledSchedule.of(new FixedSchedule(1)).coolsDown()).isFalse();
    }

    @Test
    void aCooldownNeedsAStartBeforeItsEnd() {
        ScaledSchedule schedule = ScaledSchedule.of(new FixedSchedule(0.1));
        assertThatThrownBy(() -> schedule.withCooldown(100, 100))
                .hasMessage("a cooldown needs 0 <= start < end, got start 100 and end 100");
        assertThatThrownBy(() -> schedule.withCooldown(-1, 100))
                .hasMessage("a cooldown needs 0 <= start < end, got start -1 and end 100");
    }
}
