package org.terrain4j.schedule;

import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * Cosine annealing with warm restarts, SGDR (Loshchilov and Hutter 2017), PyTorch's
 * {@code CosineAnnealingWarmRestarts}: the first cycle lasts {@code t0} steps, each next one
 * {@code tMult} times longer; within a cycle of length {@code T_i} at position {@code T_cur},
 * the value is {@code floor + (initial - floor) * (1 + cos(pi * T_cur / T_i)) / 2}.
 *
 * @param scheduleType iterations or epochs
 * @param initial value at the start of each cycle
 * @param t0 length of the first cycle, positive
 * @param tMult growth of the cycle length, at least 1
 * @param floor value approached at the end of each cycle, at most {@code initial}
 */
public record CosineWarmRestartsSchedule(@JsonProperty("scheduleType") ScheduleType scheduleType,
                                         @JsonProperty("initial") double initial,
                                         @JsonProperty("t0") int t0,
                                         @JsonProperty("tMult") int tMult,
                                         @JsonProperty("floor") double floor) implements TerrainSchedule {

    /** Validates the parameters, naming the bad one. */
    @JsonCreator
    public CosineWarmRestartsSchedule {
        CosineAnnealing.requireRange(initial, floor);
        TerrainSchedule.requirePositive("t0", t0);
        if (tMult < 1) {
            throw new IllegalArgumentException("tMult must be at least 1, got " + tMult);
        }
        if (scheduleType == null) {
            throw new IllegalArgumentException("scheduleType is required");
        }
    }

    @Override
    public double valueAt(int iteration, int epoch) {
        long t = step(iteration, epoch);
        long cycle = t0;
        long position = t;
        if (tMult == 1) {
            position = t % t0;
        } else {
            while (position >= cycle) {
                position -= cycle;
                cycle *= tMult;
            }
        }
        return CosineAnnealing.value(initial, floor, position, cycle);
    }

    @Override
    public ISchedule clone() {
        return this;
    }
}
