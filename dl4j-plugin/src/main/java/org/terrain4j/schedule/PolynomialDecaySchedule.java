package org.terrain4j.schedule;

import java.util.OptionalInt;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * Polynomial decay from {@code initial} to {@code end} over {@code steps}:
 * {@code (initial - end) * (1 - min(t, steps) / steps)^power + end}. Power 1 is linear decay
 * (PyTorch's {@code LinearLR} with {@code end_factor = end / initial}); end 0 is PyTorch's
 * {@code PolynomialLR}; Keras's {@code PolynomialDecay} is the same formula.
 *
 * @param scheduleType iterations or epochs
 * @param initial value at step 0
 * @param end value from {@code steps} on
 * @param steps length of the decay, positive
 * @param power exponent, positive
 */
public record PolynomialDecaySchedule(@JsonProperty("scheduleType") ScheduleType scheduleType,
                                      @JsonProperty("initial") double initial,
                                      @JsonProperty("end") double end,
                                      @JsonProperty("steps") int steps,
                                      @JsonProperty("power") double power) implements TerrainSchedule {

    /** Validates the parameters, naming the bad one. */
    @JsonCreator
    public PolynomialDecaySchedule {
        if (scheduleType == null) {
            throw new IllegalArgumentException("scheduleType is required");
        }
        TerrainSchedule.requireRate("initial", initial);
        TerrainSchedule.requireRate("end", end);
        TerrainSchedule.requirePositive("steps", steps);
        if (!(power > 0) || Double.isInfinite(power)) {
            throw new IllegalArgumentException("power must be finite and positive, got " + power);
        }
    }

    @Override
    public double valueAt(int iteration, int epoch) {
        double remaining = 1.0 - (double) Math.min(step(iteration, epoch), steps) / steps;
        return (initial - end) * Math.pow(remaining, power) + end;
    }

    @Override
    public OptionalInt length() {
        return OptionalInt.of(steps);
    }

    @Override
    public ISchedule clone() {
        return this;
    }
}
