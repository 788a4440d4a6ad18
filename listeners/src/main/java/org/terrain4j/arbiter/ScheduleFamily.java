package org.terrain4j.arbiter;

import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.terrain4j.schedule.Annealing;
import org.terrain4j.schedule.OneCycleSchedule;
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
     * The schedule over {@code epochs} epochs from {@code baseRate}, with a linear warmup over
     * the first {@code warmupEpochs} (0 for none; one-cycle has its own warmup and ignores it).
     */
    public ISchedule schedule(double baseRate, int epochs, int warmupEpochs) {
        if (warmupEpochs < 0 || (warmupEpochs > 0 && warmupEpochs >= epochs)) {
            throw new IllegalArgumentException("warmupEpochs must be in [0, epochs = " + epochs + "), got "
                    + warmupEpochs);
        }
        TerrainSchedule schedule = switch (this) {
            case CONSTANT -> new org.terrain4j.schedule.ConstantSchedule(ScheduleType.EPOCH, baseRate);
            case COSINE -> Schedules.cosine(ScheduleType.EPOCH, baseRate, epochs, 0);
            case ONE_CYCLE -> new OneCycleSchedule(ScheduleType.EPOCH, baseRate, epochs, 0.3, 25, 1e4,
                    Annealing.COSINE, false);
        };
        return warmupEpochs == 0 || this == ONE_CYCLE ? schedule : schedule.withWarmup(warmupEpochs);
    }
}
