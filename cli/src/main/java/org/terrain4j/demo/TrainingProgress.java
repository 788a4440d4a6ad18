package org.terrain4j.demo;

/**
 * Receives progress of a {@link TrainingRun}: {@code start}, then any number of
 * {@code iteration} and {@code epochEnd} calls, then {@code finish}. Implementations draw
 * progress bars; {@link #NONE} ignores everything.
 */
public interface TrainingProgress {

    /** Ignores all progress. */
    TrainingProgress NONE = new TrainingProgress() {
    };

    /** A run starts that will take {@code totalIterations} mini-batches. */
    default void start(String run, long totalIterations) {
    }

    /** One mini-batch was trained; {@code loss} is its score. */
    default void iteration(double loss) {
    }

    /** An epoch ended and was evaluated. */
    default void epochEnd(EpochRecord epoch) {
    }

    /** The run ended. */
    default void finish() {
    }
}
