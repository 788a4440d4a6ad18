package org.terrain4j.study.run;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** What every {@link TrialExecutor} needs of its parallelism: the check and, for most, a thread pool. */
public final class TrialThreads {

    private TrialThreads() {
    }

    /** The parallelism itself, or an error naming the {@code --parallel} option when below 1. */
    public static int checkParallelism(int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("--parallel must be at least 1, got " + parallelism);
        }
        return parallelism;
    }

    /** {@code parallelism} daemon threads named {@code prefix-0}, {@code prefix-1}, ... (checked as above). */
    public static ExecutorService daemonPool(int parallelism, String prefix) {
        AtomicInteger count = new AtomicInteger();
        return Executors.newFixedThreadPool(checkParallelism(parallelism), r -> {
            Thread t = new Thread(r, prefix + "-" + count.getAndIncrement());
            t.setDaemon(true);
            return t;
        });
    }
}
