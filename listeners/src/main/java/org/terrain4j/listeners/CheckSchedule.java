package org.terrain4j.listeners;

/**
 * When the listener checks the monitored value (each check is one step of the plateau
 * detector, as one {@code ReduceLROnPlateau.step()} per epoch is in PyTorch).
 *
 * <p>{@code fit(DataSet)} and {@code fit(INDArray, INDArray)} never end an epoch in DL4J; when
 * the listener has seen no epoch start, it checks every {@code iterationsWithoutEpochs}
 * iterations instead, so the defaults work there too.
 *
 * @param atEpochEnd check when an epoch of {@code fit(iterator)} ends
 * @param everyIterations also check every this many iterations; 0 for never
 * @param iterationsWithoutEpochs check period while no epoch has started, positive
 */
public record CheckSchedule(boolean atEpochEnd, int everyIterations, int iterationsWithoutEpochs) {

    /** Checks at each epoch end, or every 100 iterations without epochs. */
    public static final CheckSchedule EACH_EPOCH = new CheckSchedule(true, 0, 100);

    /** Validates the periods, naming the bad one. */
    public CheckSchedule {
        if (everyIterations < 0) {
            throw new IllegalArgumentException("check period everyIterations must be 0 (never) or positive, got "
                    + everyIterations);
        }
        if (iterationsWithoutEpochs <= 0) {
            throw new IllegalArgumentException("check period iterationsWithoutEpochs must be positive, got "
                    + iterationsWithoutEpochs);
        }
        if (!atEpochEnd && everyIterations == 0) {
            throw new IllegalArgumentException("checks need atEpochEnd or a positive everyIterations");
        }
    }

    /** Checks every {@code period} iterations only. */
    public static CheckSchedule everyIterations(int period) {
        if (period <= 0) {
            throw new IllegalArgumentException("check period must be positive, got " + period);
        }
        return new CheckSchedule(false, period, period);
    }

    /** Whether a check is due after the iteration that just finished ({@code iteration} counts from 0). */
    boolean dueAfterIteration(long iteration, boolean epochsSeen) {
        long done = iteration + 1;
        if (!epochsSeen && atEpochEnd) {
            return done % iterationsWithoutEpochs == 0;
        }
        return everyIterations > 0 && done % everyIterations == 0;
    }
}
