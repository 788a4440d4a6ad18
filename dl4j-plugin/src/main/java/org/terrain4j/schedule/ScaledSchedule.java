package org.terrain4j.schedule;

import java.util.Arrays;
import java.util.Objects;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * A base schedule times a piecewise-constant factor: {@code valueAt(i, e) =
 * base.valueAt(i, e) * f(i)}, where {@code f(i)} is the factor of the last change at or before
 * iteration {@code i}, and 1 before the first change. This is how Terrain expresses a decay
 * triggered mid-training on top of whatever schedule the network already has: each decay adds
 * a change ({@link #scaledFrom(int, double)}), the base is never replaced, and the whole
 * history stays in the schedule, so a saved model reproduces every learning rate it used.
 *
 * <p>When the training budget is known, a cooldown ({@link #withCooldown}) multiplies the whole
 * by a linear ramp from 1 at {@code cooldownStart} to 0 at {@code cooldownEnd} (and 0 after):
 * the final anneal of a warmup-stable-decay schedule, which matches a decay over the whole
 * budget (Hagele et al., "Scaling laws and compute-optimal training beyond fixed training
 * durations", 2024). Factor changes after its start still apply (a rollback halves the ramp).
 *
 * <p>Immutable and stateless, as DL4J requires of {@link ISchedule}s; it survives DL4J's
 * configuration JSON ({@code toJson}/{@code fromJson}) and {@code ModelSerializer}.
 */
public final class ScaledSchedule implements ISchedule {

    private static final long serialVersionUID = 1L;

    @JsonProperty("base")
    private final ISchedule base;
    @JsonProperty("changeIterations")
    private final int[] changeIterations;
    @JsonProperty("factors")
    private final double[] factors;
    @JsonProperty("cooldownStart")
    private final int cooldownStart;
    @JsonProperty("cooldownEnd")
    private final int cooldownEnd;

    /**
     * @param base the schedule being scaled
     * @param changeIterations iterations at which the factor changes, strictly increasing, non-negative
     * @param factors the factor in force from each change on, finite and positive
     * @param cooldownStart first iteration of the cooldown, or null (or -1) for none
     * @param cooldownEnd iteration at which the cooldown reaches 0, after its start; null (or -1) for none
     */
    @JsonCreator
    public ScaledSchedule(@JsonProperty("base") ISchedule base,
                          @JsonProperty("changeIterations") int[] changeIterations,
                          @JsonProperty("factors") double[] factors,
                          @JsonProperty("cooldownStart") Integer cooldownStart,
                          @JsonProperty("cooldownEnd") Integer cooldownEnd) {
        this.base = Objects.requireNonNull(base, "base schedule");
        this.changeIterations = changeIterations.clone();
        this.factors = factors.clone();
        this.cooldownStart = cooldownStart == null ? -1 : cooldownStart;
        this.cooldownEnd = cooldownEnd == null ? -1 : cooldownEnd;
        validate();
    }

    /** A schedule without a cooldown (as saved before cooldowns existed). */
    public ScaledSchedule(ISchedule base, int[] changeIterations, double[] factors) {
        this(base, changeIterations, factors, -1, -1);
    }

    /** The base schedule, unscaled. */
    public static ScaledSchedule of(ISchedule base) {
        return new ScaledSchedule(base, new int[0], new double[0]);
    }

    private void validate() {
        if ((cooldownStart < 0) != (cooldownEnd < 0) || (cooldownStart >= 0 && cooldownEnd <= cooldownStart)) {
            throw new IllegalArgumentException("a cooldown needs 0 <= start < end, got start " + cooldownStart
                    + " and end " + cooldownEnd);
        }
        if (changeIterations.length != factors.length) {
            throw new IllegalArgumentException(changeIterations.length + " change iterations but "
                    + factors.length + " factors");
        }
        for (int i = 0; i < factors.length; i++) {
            if (!(factors[i] > 0) || Double.isInfinite(factors[i])) {
                throw new IllegalArgumentException("factors[" + i + "] must be finite and positive, got "
                        + factors[i]);
            }
            if (changeIterations[i] < 0 || (i > 0 && changeIterations[i] <= changeIterations[i - 1])) {
                throw new IllegalArgumentException("changeIterations must be non-negative and strictly "
                        + "increasing, got " + Arrays.toString(changeIterations));
            }
        }
    }

    @Override
    public double valueAt(int iteration, int epoch) {
        return base.valueAt(iteration, epoch) * factorAt(iteration) * cooldownAt(iteration);
    }

    /** The cooldown's ramp at an iteration: 1 before it starts, falling linearly to 0 at its end. */
    public double cooldownAt(int iteration) {
        if (cooldownStart < 0 || iteration < cooldownStart) {
            return 1;
        }
        return Math.max(0, (double) (cooldownEnd - iteration) / (cooldownEnd - cooldownStart));
    }

    /** Whether a cooldown is set. */
    public boolean coolsDown() {
        return cooldownStart >= 0;
    }

    /**
     * This schedule with a cooldown from {@code start} to {@code end}; replaces any cooldown.
     *
     * @throws IllegalArgumentException unless {@code 0 <= start < end}
     */
    public ScaledSchedule withCooldown(int start, int end) {
        return new ScaledSchedule(base, changeIterations, factors, start, end);
    }

    /** The factor in force at an iteration. */
    public double factorAt(int iteration) {
        int index = Arrays.binarySearch(changeIterations, iteration);
        int last = index >= 0 ? index : -index - 2;
        return last < 0 ? 1.0 : factors[last];
    }

    /**
     * This schedule with the factor set to {@code factor} from {@code iteration} on. A change at
     * the iteration of the last change replaces it; an earlier one is an error (history is
     * never rewritten).
     */
    public ScaledSchedule scaledFrom(int iteration, double factor) {
        int n = changeIterations.length;
        if (n > 0 && iteration < changeIterations[n - 1]) {
            throw new IllegalArgumentException("iteration " + iteration + " is before the last change at "
                    + changeIterations[n - 1]);
        }
        boolean replace = n > 0 && iteration == changeIterations[n - 1];
        int size = replace ? n : n + 1;
        int[] iterations = Arrays.copyOf(changeIterations, size);
        double[] newFactors = Arrays.copyOf(factors, size);
        iterations[size - 1] = iteration;
        newFactors[size - 1] = factor;
        return new ScaledSchedule(base, iterations, newFactors, cooldownStart, cooldownEnd);
    }

    /** The schedule being scaled. */
    public ISchedule base() {
        return base;
    }

    /** The iterations at which the factor changed. */
    public int[] changeIterations() {
        return changeIterations.clone();
    }

    /** The factors in force from each change on. */
    public double[] factors() {
        return factors.clone();
    }

    @Override
    public ISchedule clone() {
        return new ScaledSchedule(base.clone(), changeIterations, factors, cooldownStart, cooldownEnd);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ScaledSchedule that && base.equals(that.base)
                && Arrays.equals(changeIterations, that.changeIterations)
                && Arrays.equals(factors, that.factors) && cooldownStart == that.cooldownStart
                && cooldownEnd == that.cooldownEnd;
    }

    @Override
    public int hashCode() {
        return Objects.hash(base, Arrays.hashCode(changeIterations), Arrays.hashCode(factors), cooldownStart,
                cooldownEnd);
    }

    @Override
    public String toString() {
        return "ScaledSchedule(base=" + base + ", changeIterations=" + Arrays.toString(changeIterations)
                + ", factors=" + Arrays.toString(factors)
                + (cooldownStart >= 0 ? ", cooldown=" + cooldownStart + ".." + cooldownEnd : "") + ")";
    }
}
