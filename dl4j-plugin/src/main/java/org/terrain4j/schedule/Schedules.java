package org.terrain4j.schedule;

import org.nd4j.linalg.schedule.FixedSchedule;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.ScheduleType;

/**
 * Fluent factories for Terrain's schedules, counting iterations unless a method takes a
 * {@link ScheduleType}. Compose with {@link TerrainSchedule#withWarmup(int)} and
 * {@link TerrainSchedule#then(int, ISchedule)}:
 *
 * <pre>{@code
 * .updater(new Nesterovs(Schedules.cosine(0.1, 10_000).withWarmup(500), 0.9))
 * }</pre>
 *
 * <table>
 * <caption>PyTorch and Keras equivalents</caption>
 * <tr><th>here</th><th>PyTorch</th><th>Keras</th></tr>
 * <tr><td>cosine</td><td>CosineAnnealingLR</td><td>CosineDecay</td></tr>
 * <tr><td>cosineWarmRestarts</td><td>CosineAnnealingWarmRestarts</td><td>CosineDecayRestarts</td></tr>
 * <tr><td>oneCycle</td><td>OneCycleLR</td><td>(none)</td></tr>
 * <tr><td>linear</td><td>LinearLR</td><td>PolynomialDecay(power=1)</td></tr>
 * <tr><td>polynomial</td><td>PolynomialLR (end 0)</td><td>PolynomialDecay</td></tr>
 * <tr><td>withWarmup</td><td>LinearLR chained (ChainedScheduler)</td><td>CosineDecay(warmup_steps)</td></tr>
 * <tr><td>then</td><td>SequentialLR</td><td>(none)</td></tr>
 * <tr><td>scaled</td><td>ReduceLROnPlateau's effect, as a schedule</td><td>(none)</td></tr>
 * </table>
 */
public final class Schedules {

    private Schedules() {
    }

    /** A constant value (as ND4J's {@link FixedSchedule}), to warm up or chain. */
    public static ConstantSchedule constant(double value) {
        return new ConstantSchedule(ScheduleType.ITERATION, value);
    }

    /** Cosine annealing from {@code initial} to 0 over {@code steps} iterations. */
    public static CosineSchedule cosine(double initial, int steps) {
        return new CosineSchedule(ScheduleType.ITERATION, initial, steps, 0);
    }

    /** Cosine annealing from {@code initial} to {@code floor} over {@code steps} steps. */
    public static CosineSchedule cosine(ScheduleType type, double initial, int steps, double floor) {
        return new CosineSchedule(type, initial, steps, floor);
    }

    /** SGDR: cycles of {@code t0}, {@code t0 * tMult}, ... steps from {@code initial} down to {@code floor}. */
    public static CosineWarmRestartsSchedule cosineWarmRestarts(ScheduleType type, double initial, int t0, int tMult,
                                                                double floor) {
        return new CosineWarmRestartsSchedule(type, initial, t0, tMult, floor);
    }

    /** One cycle with PyTorch's defaults: pctStart 0.3, divFactor 25, finalDivFactor 1e4, cosine, two phases. */
    public static OneCycleSchedule oneCycle(double max, int totalIterations) {
        return new OneCycleSchedule(ScheduleType.ITERATION, max, totalIterations, 0.3, 25, 1e4, Annealing.COSINE, false);
    }

    /** Linear decay from {@code initial} to {@code end} over {@code steps} iterations. */
    public static PolynomialDecaySchedule linear(double initial, double end, int steps) {
        return new PolynomialDecaySchedule(ScheduleType.ITERATION, initial, end, steps, 1);
    }

    /** Polynomial decay from {@code initial} to {@code end} over {@code steps} iterations. */
    public static PolynomialDecaySchedule polynomial(double initial, double end, int steps, double power) {
        return new PolynomialDecaySchedule(ScheduleType.ITERATION, initial, end, steps, power);
    }
}
