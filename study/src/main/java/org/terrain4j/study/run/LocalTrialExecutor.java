package org.terrain4j.study.run;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.deeplearning4j.arbiter.optimize.api.OptimizationResult;

/** Trials on {@code parallelism} threads of this process (set OMP_NUM_THREADS so they share the cores). */
public final class LocalTrialExecutor implements TrialExecutor {

    private final int parallelism;
    private final ExecutorService threads;

    public LocalTrialExecutor(int parallelism) {
        this.threads = TrialThreads.daemonPool(parallelism, "terrain-trial");
        this.parallelism = parallelism;
    }

    @Override
    public int parallelism() {
        return parallelism;
    }

    @Override
    public CompletableFuture<OptimizationResult> execute(TrialContext trial) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return trial.localTask().call();
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, threads);
    }

    @Override
    public boolean tasksNotifyListeners() {
        return true;
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }

    @Override
    public String toString() {
        return "local[" + parallelism + "]";
    }
}
