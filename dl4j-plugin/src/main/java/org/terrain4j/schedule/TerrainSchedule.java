package org.terrain4j.schedule;

import java.util.List;
import java.util.OptionalInt;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.ScheduleType;

/**
 * An ND4J {@link ISchedule} of Terrain's, counting steps in iterations or epochs, with fluent
 * composition: {@code Schedules.cosine(0.1, 100).withWarmup(5)}.
 */
public interface TerrainSchedule extends ISchedule {

    /** Whether steps are iterations or epochs. */
    ScheduleType scheduleType();

    /** The number of steps after which the schedule stays constant, if it has one. */
    default OptionalInt length() {
        return OptionalInt.empty();
    }

    /** The step this schedule is at, for the network's iteration and epoch. */
    default int step(int iteration, int epoch) {
        return scheduleType() == ScheduleType.ITERATION ? iteration : epoch;
    }

    /**
     * This schedule with a linear warmup over its first {@code steps} steps from a hundredth of
     * its value (see {@link WarmupSchedule}).
     */
    default WarmupSchedule withWarmup(int steps) {
        return withWarmup(steps, WarmupSchedule.DEFAULT_START_FACTOR);
    }

    /** This schedule with a linear warmup from {@code startFactor} times its value over {@code steps} steps. */
    default WarmupSchedule withWarmup(int steps, double startFactor) {
        return new WarmupSchedule(scheduleType(), this, steps, startFactor);
    }

    /** This schedule until {@code milestone}, then {@code next} counted from the milestone (PyTorch's SequentialLR). */
    default SequentialSchedule then(int milestone, ISchedule next) {
        return new SequentialSchedule(scheduleType(), List.of(this, next), List.of(milestone));
    }

    /** This schedule times a factor that changes at given steps, as Terrain's triggered decays do. */
    default ScaledSchedule scaled() {
        return ScaledSchedule.of(this);
    }

    /** Checks a step count, naming the parameter. */
    static void requirePositive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }

    /** Checks a rate, naming the parameter. */
    static void requireRate(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and non-negative, got " + value);
        }
    }
}
