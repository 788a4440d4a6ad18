package org.terrain4j.schedule;

import java.util.OptionalInt;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * The one-cycle policy (Smith and Topin 2018) with PyTorch {@code OneCycleLR} semantics: from
 * {@code max / divFactor} up to {@code max} over the first {@code pctStart} of
 * {@code totalSteps}, then down to {@code max / divFactor / finalDivFactor}; with
 * {@code threePhase}, down to the initial value symmetrically first and to the minimum in a
 * third phase. Phase ends are PyTorch's: {@code pctStart * totalSteps - 1},
 * ({@code 2 * pctStart * totalSteps - 2},) {@code totalSteps - 1}. After the last step it stays
 * at the minimum (PyTorch raises). Momentum cycling is left to the updater's own schedule.
 *
 * @param scheduleType iterations or epochs
 * @param max the peak value
 * @param totalSteps steps of the whole cycle
 * @param pctStart share of the steps spent rising, in (0, 1)
 * @param divFactor initial value is {@code max / divFactor}, positive
 * @param finalDivFactor minimum is {@code initial / finalDivFactor}, positive
 * @param annealing cosine or linear
 * @param threePhase whether to use the three-phase variant
 */
public record OneCycleSchedule(@JsonProperty("scheduleType") ScheduleType scheduleType,
                               @JsonProperty("max") double max,
                               @JsonProperty("totalSteps") int totalSteps,
                               @JsonProperty("pctStart") double pctStart,
                               @JsonProperty("divFactor") double divFactor,
                               @JsonProperty("finalDivFactor") double finalDivFactor,
                               @JsonProperty("annealing") Annealing annealing,
                               @JsonProperty("threePhase") boolean threePhase) implements TerrainSchedule {

    /** Validates the parameters, naming the bad one. */
    @JsonCreator
    public OneCycleSchedule {
        if (scheduleType == null || annealing == null) {
            throw new IllegalArgumentException("scheduleType and annealing are required");
        }
        TerrainSchedule.requireRate("max", max);
        TerrainSchedule.requirePositive("totalSteps", totalSteps);
        if (!(pctStart > 0 && pctStart < 1)) {
            throw new IllegalArgumentException("pctStart must be in (0, 1), got " + pctStart);
        }
        if (!(divFactor > 0) || Double.isInfinite(divFactor)) {
            throw new IllegalArgumentException("divFactor must be finite and positive, got " + divFactor);
        }
        if (!(finalDivFactor > 0) || Double.isInfinite(finalDivFactor)) {
            throw new IllegalArgumentException("finalDivFactor must be finite and positive, got " + finalDivFactor);
        }
        double[] ends = phaseEnds(totalSteps, pctStart, threePhase);
        double previous = 0;
        for (double end : ends) {
            if (!(end > previous)) {
                throw new IllegalArgumentException("pctStart " + pctStart + " and totalSteps " + totalSteps
                        + " leave a phase without steps" + (threePhase ? " (three phases)" : ""));
            }
            previous = end;
        }
    }

    private static double[] phaseEnds(int totalSteps, double pctStart, boolean threePhase) {
        return threePhase
                ? new double[] {pctStart * totalSteps - 1, 2 * pctStart * totalSteps - 2, totalSteps - 1}
                : new double[] {pctStart * totalSteps - 1, totalSteps - 1};
    }

    /** The value at step 0: {@code max / divFactor}. */
    public double initial() {
        return max / divFactor;
    }

    /** The final value: {@code initial / finalDivFactor}. */
    public double minimum() {
        return initial() / finalDivFactor;
    }

    @Override
    public double valueAt(int iteration, int epoch) {
        int t = Math.min(step(iteration, epoch), totalSteps - 1);
        double[] ends = phaseEnds(totalSteps, pctStart, threePhase);
        double[] starts = threePhase ? new double[] {initial(), max, initial()} : new double[] {initial(), max};
        double[] targets = threePhase ? new double[] {max, initial(), minimum()} : new double[] {max, minimum()};
        double start = 0;
        for (int phase = 0; phase < ends.length; phase++) {
            if (t <= ends[phase] || phase == ends.length - 1) {
                return annealing.between(starts[phase], targets[phase], (t - start) / (ends[phase] - start));
            }
            start = ends[phase];
        }
        throw new AssertionError("unreachable");
    }

    @Override
    public OptionalInt length() {
        return OptionalInt.of(totalSteps);
    }

    @Override
    public ISchedule clone() {
        return this;
    }
}
