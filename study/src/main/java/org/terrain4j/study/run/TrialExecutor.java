package org.terrain4j.study.run;

import java.util.concurrent.CompletableFuture;
import org.deeplearning4j.arbiter.optimize.api.OptimizationResult;

/**
 * Where a study's trials train: threads of this process ({@link LocalTrialExecutor}) or, in
 * the terrain-spark module, Spark executors. The generator and the store stay with the
 * {@link StudyRunner}, which asks for at most {@link #parallelism()} trials at a time.
 */
public interface TrialExecutor extends AutoCloseable {

    /** How many trials train at once. */
    int parallelism();

    /**
     * Starts training {@code trial}: here with its {@link TrialContext#localTask()}, or in another
     * process with its {@link TrialContext#remote()}; the future completes with its result (a
     * failed one when it threw).
     */
    CompletableFuture<OptimizationResult> execute(TrialContext trial);

    /**
     * Whether the trials' tasks tell the status listeners themselves (tasks in this process
     * do); when not, the runner tells them as each trial finishes.
     */
    default boolean tasksNotifyListeners() {
        return false;
    }

    /**
     * Whether each trial trains in a process of its own, which a configuration that crashes
     * (out of memory, a native fault) takes down without the runner: then, when the runner's
     * process dies, its running trials were not the cause, and their abandonment does not count
     * against the configuration's retries. False for trials on threads of the runner's JVM (and
     * for Spark, whose local mode runs them there).
     */
    default boolean isolatesTrials() {
        return false;
    }

    /** Stops taking trials and releases the threads or the cluster connection. */
    @Override
    void close();
}
