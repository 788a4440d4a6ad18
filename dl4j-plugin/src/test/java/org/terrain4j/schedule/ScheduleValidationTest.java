package org.terrain4j.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.schedule.ScheduleType;

class ScheduleValidationTest {

    private static final ScheduleType IT = ScheduleType.ITERATION;

    @Test
    void badParametersAreNamed() {
        assertThatThrownBy(() -> Schedules.cosine(0.1, -5)).hasMessage("tMax must be positive, got -5");
        assertThatThrownBy(() -> Schedules.cosine(IT, 0.1, 10, 0.2)).hasMessage("floor 0.2 is above initial 0.1");
        assertThatThrownBy(() -> Schedules.cosineWarmRestarts(IT, 0.1, 10, 0, 0)).hasMessage("tMult must be at least 1, got 0");
        assertThatThrownBy(() -> Schedules.cosineWarmRestarts(IT, 0.1, 0, 2, 0)).hasMessage("t0 must be positive, got 0");
        assertThatThrownBy(() -> new OneCycleSchedule(IT, 0.1, 100, 1.0, 25, 1e4, Annealing.COSINE, false))
                .hasMessage("pctStart must be in (0, 1), got 1.0");
        assertThatThrownBy(() -> new OneCycleSchedule(IT, 0.1, 100, 0.6, 25, 1e4, Annealing.COSINE, true))
                .hasMessage("pctStart 0.6 and totalSteps 100 leave a phase without steps (three phases)");
        assertThatThrownBy(() -> Schedules.polynomial(0.1, 0, 10, 0)).hasMessage("power must be finite and positive, got 0.0");
        assertThatThrownBy(() -> Schedules.linear(Double.NaN, 0, 10)).hasMessage("initial must be finite and non-negative, got NaN");
    }

    @Test
    void warmupLongerThanTheScheduleIsRejected() {
        assertThatThrownBy(() -> Schedules.cosine(0.1, 100).withWarmup(100))
                .hasMessage("warmup of 100 steps is not shorter than the 100 steps of the schedule it warms up");
        assertThatThrownBy(() -> Schedules.constant(0.1).withWarmup(0)).hasMessage("warmup steps must be positive, got 0");
        assertThatThrownBy(() -> Schedules.constant(0.1).withWarmup(5, 1.0)).hasMessage("startFactor must be in [0, 1), got 1.0");
    }

    @Test
    void milestonesMustBeInOrder() {
        assertThatThrownBy(() -> new SequentialSchedule(IT, List.of(Schedules.constant(1), Schedules.constant(2),
                Schedules.constant(3)), List.of(10, 5)))
                .hasMessage("milestones must be positive and increasing, got [10, 5]");
        assertThatThrownBy(() -> new SequentialSchedule(IT, List.of(Schedules.constant(1)), List.of(10)))
                .hasMessage("1 schedules need 0 milestones, got 1");
    }

    @Test
    void epochSchedulesCountEpochs() {
        CosineSchedule byEpoch = Schedules.cosine(ScheduleType.EPOCH, 1.0, 10, 0);

        assertThat(byEpoch.valueAt(12345, 5)).isEqualTo(0.5, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(byEpoch.valueAt(0, 10)).isEqualTo(0.0);
    }

    @Test
    void sequentialChainsKeepGrowing() {
        SequentialSchedule chain = Schedules.constant(1).then(10, Schedules.constant(2)).then(20, Schedules.constant(3));

        assertThat(chain.valueAt(9, 0)).isEqualTo(1);
        assertThat(chain.valueAt(10, 0)).isEqualTo(2);
        assertThat(chain.valueAt(25, 0)).isEqualTo(3);
    }
}
