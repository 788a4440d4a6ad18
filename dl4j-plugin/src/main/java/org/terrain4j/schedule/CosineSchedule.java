package org.terrain4j.schedule;

import java.util.OptionalInt;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * Cosine annealing from {@code initial} to {@code floor} over {@code tMax} steps (Loshchilov
 * and Hutter 2017, without restarts), PyTorch's {@code CosineAnnealingLR} closed form:
 * {@code floor + (initial - floor) * (1 + cos(pi * t / tMax)) / 2}. After {@code tMax} it stays
 * at the floor (PyTorch's would rise again).
 *
 * @param scheduleType iterations or epochs
 * @param initial value at step 0, non-negative
 * @param tMax steps of the annealing, positive
 * @param floor value from step {@code tMax} on, at most {@code initial}
 */
public record CosineSchedule(@JsonProperty("scheduleType") ScheduleType scheduleType,
                             @JsonProperty("initial") double initial,
                             @JsonProperty("tMax") int tMax,
                             @JsonProperty("floor") double floor) implements TerrainSchedule {

    /** Validates the parameters, naming the bad one. */
    @JsonCreator
    public CosineSchedule {
        CosineAnnealing.requireRange(initial, floor);
        TerrainSchedule.requirePositive("tMax", tMax);
        if (scheduleType == null) {
            throw new IllegalArgumentException("scheduleType is required");
        }
    }

    @Override
    public double valueAt(int iteration, int epoch) {
        int t = Math.min(step(iteration, epoch), tMax);
        return CosineAnnealing.value(initial, floor, t, tMax);
    }

    @Override
    public OptionalInt length() {
        return OptionalInt.of(tMax);
    }

    @Override
    public ISchedule clone() {
        return this;
    }
}
