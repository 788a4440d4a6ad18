package org.terrain4j.schedule;

import java.util.OptionalInt;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * The learning-rate range test's sweep: from {@code start} at iteration {@code offset} up to
 * {@code end} at iteration {@code offset + steps - 1}, geometrically:
 * {@code start * (end / start)^((t - offset) / (steps - 1))}, held at the ends outside.
 *
 * @param start first rate, positive
 * @param end last rate, above {@code start}
 * @param steps iterations of the sweep, at least 2
 * @param offset the iteration the sweep starts at (the network's iteration count)
 */
public record ExponentialSweepSchedule(@JsonProperty("start") double start, @JsonProperty("end") double end,
                                       @JsonProperty("steps") int steps, @JsonProperty("offset") int offset)
        implements TerrainSchedule {

    /** Validates the range, naming the bad parameter. */
    @JsonCreator
    public ExponentialSweepSchedule {
        if (!(start > 0) || Double.isInfinite(start)) {
            throw new IllegalArgumentException("start learning rate must be finite and positive, got " + start);
        }
        if (!(end > start) || Double.isInfinite(end)) {
            throw new IllegalArgumentException("end learning rate must be finite and above start " + start + ", got " + end);
        }
        if (steps < 2) {
            throw new IllegalArgumentException("a sweep needs at least 2 iterations, got " + steps);
        }
    }

    @Override
    public ScheduleType scheduleType() {
        return ScheduleType.ITERATION;
    }

    @Override
    public double valueAt(int iteration, int epoch) {
        int t = Math.max(0, Math.min(iteration - offset, steps - 1));
        return start * Math.pow(end / start, (double) t / (steps - 1));
    }

    @Override
    public OptionalInt length() {
        return OptionalInt.of(offset + steps);
    }

    @Override
    public ISchedule clone() {
        return this;
    }
}
