package org.terrain4j.schedule;

import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * A constant value, like ND4J's {@code FixedSchedule}, but composable: warm it up or chain it.
 *
 * @param scheduleType iterations or epochs (matters only when composed)
 * @param value the value at every step
 */
public record ConstantSchedule(@JsonProperty("scheduleType") ScheduleType scheduleType,
                               @JsonProperty("value") double value) implements TerrainSchedule {

    /** Validates the value. */
    @JsonCreator
    public ConstantSchedule {
        if (scheduleType == null) {
            throw new IllegalArgumentException("scheduleType is required");
        }
        TerrainSchedule.requireRate("value", value);
    }

    @Override
    public double valueAt(int iteration, int epoch) {
        return value;
    }

    @Override
    public ISchedule clone() {
        return this;
    }
}
