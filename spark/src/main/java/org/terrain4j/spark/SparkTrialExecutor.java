package org.terrain4j.spark;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.apache.spark.SparkEnv;
import org.apache.spark.api.java.JavaSparkContext;
import org.deeplearning4j.arbiter.optimize.api.OptimizationResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.terrain4j.study.run.RemoteTrial;
import org.terrain4j.study.run.TrialContext;
import org.terrain4j.study.run.StudyRunner;
import org.terrain4j.study.run.TrialExecutor;
import org.terrain4j.study.run.TrialThreads;
import org.terrain4j.study.run.TrialOutcome;

/**
 * Study trials as Spark tasks: each trial is a one-task job that trains the candidate on an
 * executor (Terrain's task creator, the candidate's data source and score function), reports
 * every epoch to the study store from there (so pruners see it), saves the model to the
 * best-model folder if it is the best, and returns only the outcome. The generator and the
 * store's bookkeeping stay on the driver with the {@link StudyRunner}; results stream back as
 * trials finish, {@code concurrentTrials} at a time.
 *
 * <pre>{@code
 * try (JavaSparkContext spark = new JavaSparkContext(new SparkConf().setAppName("search"))) {
 *     StudyRunner.builder(configuration).store(store).study("digits")
 *             .executor(new SparkTrialExecutor(spark, 8)).build().execute();
 * }
 * }</pre>
 * The executors open the store themselves: use PostgreSQL on a cluster (a SQLite file only
 * works where every executor sees the same file, as in {@code local[N]}), and a model folder
 * on a file system all executors share. Set {@code spark.executorEnv.OMP_NUM_THREADS} to the
 * cores of one task ({@code spark.task.cpus}).
 */
public final class SparkTrialExecutor implements TrialExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(SparkTrialExecutor.class);

    private final JavaSparkContext spark;
    private final int concurrentTrials;
    private final ExecutorService waiting;

    /**
     * @param spark the context (the caller owns it and stops it)
     * @param concurrentTrials trials running at once, at least 1 (at most the executors' task slots is useful)
     */
    public SparkTrialExecutor(JavaSparkContext spark, int concurrentTrials) {
        this.spark = java.util.Objects.requireNonNull(spark, "spark");
        this.waiting = TrialThreads.daemonPool(concurrentTrials, "terrain-spark-trial");
        this.concurrentTrials = concurrentTrials;
    }

    @Override
    public int parallelism() {
        return concurrentTrials;
    }

    @Override
    public CompletableFuture<OptimizationResult> execute(TrialContext context) {
        RemoteTrial trial = context.remote();
        int number = context.number();
        CompletableFuture<OptimizationResult> future = new CompletableFuture<>();
        waiting.execute(() -> {
            long start = System.currentTimeMillis();
            try {
                spark.setJobGroup("terrain-trial-" + number, "Terrain trial " + number, true);
                TrialOutcome outcome = spark.parallelize(List.of(trial), 1).map(SparkTrialExecutor::runHere).collect().get(0);
                future.complete(context.result(outcome, start));
            } catch (RuntimeException | Error e) {
                LOG.warn("trial {}: the Spark job failed: {}", number, e.toString());
                future.complete(context.failed("the Spark job failed: " + e, "driver", start));
            }
        });
        return future;
    }

    /** On an executor: trains the trial there. */
    private static TrialOutcome runHere(RemoteTrial trial) {
        return trial.run("executor " + (SparkEnv.get() == null ? "?" : SparkEnv.get().executorId()));
    }

    /** Stops waiting for trials and cancels the running ones; the Spark context stays up. */
    @Override
    public void close() {
        waiting.shutdownNow();
        spark.cancelAllJobs();
    }

    @Override
    public String toString() {
        return "spark[" + spark.master() + ", " + concurrentTrials + " at a time]";
    }
}
