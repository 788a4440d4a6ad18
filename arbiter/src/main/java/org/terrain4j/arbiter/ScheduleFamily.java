package org.terrain4j.arbiter;

import org.nd4j.linalg.schedule.ISchedule;
import org.terrain4j.schedule.Schedules;
import org.terrain4j.schedule.TerrainSchedule;

/** The shape of the learning rate over a candidate's epochs, as a search dimension. */
public enum ScheduleFamily {
    /** The base rate throughout (Terrain's listener may still cut it on a plateau). */
    CONSTANT,
    /** Cosine annealing from the base rate to 0 over the epochs. */
    COSINE,
    /** One cycle (Smith 2018) peaking at the base rate, PyTorch's defaults. */
    ONE_CYCLE;

    /**
     * The schedule over {@code iterations} iterations from {@code baseRate}, with a linear warmup
     * over the first {@code warmupIterations} (0 for none; one-cycle has its own warmup and
     * ignores it). Per iteration, so that short trials of a few epochs still get the shape.
     */
    public ISchedule schedule(double baseRate, int iterations, int warmupIterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be at least 1, got " + iterations);
        }
        if (warmupIterations < 0 || (warmupIterations > 0 && warmupIterations >= iterations)) {
            throw new IllegalArgumentException("warmup of " + warmupIterations + " iterations must be shorter than"
                    + " the " + iterations + " iterations of training");
        }
        TerrainSchedule schedule = switch (this) {
            case CONSTANT -> Schedules.constant(baseRate);
            case COSINE -> Schedules.cosine(baseRate, iterations);
            // one-cycle needs a step in each phase: at least 4 iterations
            case ONE_CYCLE -> Schedules.oneCycle(baseRate, Math.max(iterations, 4));
        };
        return warmupIterations == 0 || this == ONE_CYCLE ? schedule : schedule.withWarmup(warmupIterations);
    }
}
