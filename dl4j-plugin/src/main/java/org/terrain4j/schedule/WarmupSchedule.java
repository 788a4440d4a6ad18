package org.terrain4j.schedule;

import java.util.OptionalInt;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * Linear warmup on top of any base schedule: during the first {@code steps} steps the base
 * value is multiplied by {@code startFactor + (1 - startFactor) * t / steps} (PyTorch's
 * {@code LinearLR(start_factor, end_factor=1, total_iters=steps)} chained onto the base), then
 * the base alone. The base keeps its own clock: wrap it, rather than chain it with
 * {@link SequentialSchedule}, when the base should not restart after the warmup.
 *
 * @param scheduleType whether warmup steps are iterations or epochs
 * @param base the schedule warmed up
 * @param steps warmup length, positive, and shorter than a finite base
 * @param startFactor share of the base value at step 0, in [0, 1)
 */
public record WarmupSchedule(@JsonProperty("scheduleType") ScheduleType scheduleType,
                             @JsonProperty("base") ISchedule base,
                             @JsonProperty("steps") int steps,
                             @JsonProperty("startFactor") double startFactor) implements TerrainSchedule {

    /** Start of a warmup when none is named: a hundredth of the base value. */
    public static final double DEFAULT_START_FACTOR = 0.01;

    /** Validates the parameters, naming the bad one. */
    @JsonCreator
    public WarmupSchedule {
        if (scheduleType == null || base == null) {
            throw new IllegalArgumentException("scheduleType and base are required");
        }
        TerrainSchedule.requirePositive("warmup steps", steps);
        if (!(startFactor >= 0 && startFactor < 1)) {
            throw new IllegalArgumentException("startFactor must be in [0, 1), got " + startFactor);
        }
        if (base instanceof TerrainSchedule finite && finite.length().isPresent()
                && finite.scheduleType() == scheduleType && steps >= finite.length().getAsInt()) {
            throw new IllegalArgumentException("warmup of " + steps + " steps is not shorter than the "
                    + finite.length().getAsInt() + " steps of the schedule it warms up");
        }
    }

    @Override
    public double valueAt(int iteration, int epoch) {
        int t = step(iteration, epoch);
        double value = base.valueAt(iteration, epoch);
        return t >= steps ? value : value * (startFactor + (1 - startFactor) * t / steps);
    }

    @Override
    public OptionalInt length() {
        return base instanceof TerrainSchedule finite ? finite.length() : OptionalInt.empty();
    }

    @Override
    public ISchedule clone() {
        return new WarmupSchedule(scheduleType, base.clone(), steps, startFactor);
    }
}
