package org.terrain4j.study.run;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.deeplearning4j.arbiter.optimize.api.OptimizationResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trials in {@code workers} long-lived worker JVMs ({@link TrialWorker}) on this machine, one
 * trial at a time each. Separate processes scale where threads of one JVM do not: DL4J's small
 * operations, its allocations and the JIT compiler of one JVM contend, and two trials as threads
 * train barely faster than one. Workers start with {@code OMP_NUM_THREADS=1}, the serial garbage
 * collector and the client compiler (a tuning measured for trials of small networks; see
 * {@link #DEFAULT_JVM_OPTIONS}), talk to the driver over a loopback socket
 * ({@link WorkerConnection}; their standard output and error are the driver's), and report epochs
 * to the store themselves. A worker that dies (out of memory, a native crash) fails its trial
 * with the exit code and is replaced; the search goes on.
 */
public final class ProcessTrialExecutor implements TrialExecutor {

    /** JVM options of the workers unless given: a 2 GB heap, serial GC, C1 only. */
    public static final List<String> DEFAULT_JVM_OPTIONS = List.of("-Xmx2g", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private static final Logger LOG = LoggerFactory.getLogger(ProcessTrialExecutor.class);

    private record Job(TrialContext trial, RemoteTrial remote, CompletableFuture<OptimizationResult> result) {
    }

    /** The longest trial time limit: a year (a bound, not a recommendation). */
    static final Duration MAX_TRIAL_TIME_LIMIT = Duration.ofDays(365);

    private final int workers;
    private final List<String> jvmOptions;
    /** How long one trial may train before its worker is killed and it fails; null for no limit. */
    private final Duration trialTimeLimit;
    private final ScheduledExecutorService deadlines;
    private final BlockingQueue<Job> jobs = new LinkedBlockingQueue<>();
    private final List<Thread> feeders = new ArrayList<>();
    private final List<WorkerConnection> workerConnections = new ArrayList<>();
    private volatile boolean closed;

    /**
     * {@code workers} worker processes with {@link #DEFAULT_JVM_OPTIONS}, or with the options in
     * the environment variable {@code TERRAIN_WORKER_JAVA_OPTS} (separated by spaces) when set.
     */
    public ProcessTrialExecutor(int workers) {
        this(workers, defaultJvmOptions());
    }

    /** {@link #DEFAULT_JVM_OPTIONS}, or the options in {@code TERRAIN_WORKER_JAVA_OPTS} (separated by spaces) when set. */
    public static List<String> defaultJvmOptions() {
        String options = System.getenv("TERRAIN_WORKER_JAVA_OPTS");
        return options == null || options.isBlank() ? DEFAULT_JVM_OPTIONS : List.of(options.trim().split("\\s+"));
    }

    /**
     * @param workers worker processes, at least 1 (one per core is the usual choice)
     * @param jvmOptions their JVM options
     */
    public ProcessTrialExecutor(int workers, List<String> jvmOptions) {
        this(workers, jvmOptions, null);
    }

    /**
     * @param workers worker processes, at least 1 (one per core is the usual choice)
     * @param jvmOptions their JVM options
     * @param trialTimeLimit how long one trial may train, from when its worker gets it, up to a
     *                       year; a trial still training then fails with this reason (its worker
     *                       is killed and replaced); null for no limit
     */
    public ProcessTrialExecutor(int workers, List<String> jvmOptions, Duration trialTimeLimit) {
        this.workers = TrialThreads.checkParallelism(workers);
        this.jvmOptions = List.copyOf(jvmOptions);
        this.trialTimeLimit = checkTimeLimit(trialTimeLimit);
        this.deadlines = trialTimeLimit == null ? null : Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "terrain-trial-deadlines");
            t.setDaemon(true);
            return t;
        });
        for (int w = 0; w < workers; w++) {
            int id = w;
            Thread feeder = new Thread(() -> feed(id), "terrain-worker-feeder-" + w);
            feeder.setDaemon(true);
            feeders.add(feeder);
            feeder.start();
        }
    }

    /** {@code limit} when it is a valid trial time limit (null, or from 1 second to 365 days); else an error naming it. */
    public static Duration checkTimeLimit(Duration limit) {
        if (limit != null && (limit.compareTo(Duration.ofSeconds(1)) < 0 || limit.compareTo(MAX_TRIAL_TIME_LIMIT) > 0)) {
            throw new IllegalArgumentException("the trial time limit must be from 1 second to 365 days, got " + limit);
        }
        return limit;
    }

    @Override
    public boolean isolatesTrials() {
        return true; // a worker that dies fails its own trial; the driver records it
    }

    @Override
    public int parallelism() {
        return workers;
    }

    @Override
    public CompletableFuture<OptimizationResult> execute(TrialContext trial) {
        if (closed) {
            throw new IllegalStateException("the worker processes were closed");
        }
        CompletableFuture<OptimizationResult> result = new CompletableFuture<>();
        jobs.add(new Job(trial, trial.remote(), result));
        return result;
    }

    /** One worker's loop: start the process when needed, send it jobs, read their outcomes. */
    private void feed(int id) {
        String name = Worker.current() + "/worker-" + id;
        WorkerConnection worker = null;
        while (!closed) {
            Job job;
            try {
                job = jobs.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                break;
            }
            if (job == null) {
                continue;
            }
            long start = System.currentTimeMillis();
            boolean started = false;
            AtomicBoolean overtime = new AtomicBoolean();
            ScheduledFuture<?> deadline = null;
            try {
                if (worker == null || !worker.isAlive()) {
                    worker = startWorker(name, job.trial().workerEnvironment());
                }
                started = true;
                deadline = deadlineFor(worker, overtime);
                job.result().complete(job.trial().result(worker.train(job.remote()), start));
            } catch (IOException | RuntimeException e) {
                String why = !started ? "could not start: " + e.getMessage()
                        : (overtime.get() ? "was stopped: trial " + job.trial().number() + " ran past the trial time limit of "
                                + describe(trialTimeLimit) : (e instanceof java.net.SocketTimeoutException
                                ? "sent nothing for " + WorkerConnection.SILENCE_TIMEOUT_MILLIS / 1000 + " s (hung?)"
                                : worker.whyItStopped()) + " while training trial " + job.trial().number());
                LOG.warn("{}: {}", name, why);
                job.result().complete(job.trial().failed("the worker process " + why, name, start));
                if (worker != null) {
                    worker.kill();
                    synchronized (workerConnections) {
                        workerConnections.remove(worker);
                    }
                }
                worker = null;
            } finally {
                if (deadline != null) {
                    deadline.cancel(false);
                }
            }
        }
        if (worker != null) {
            worker.close();
        }
    }

    /** Kills {@code worker} when the trial it starts now runs past the time limit, and says so in {@code overtime}. */
    private ScheduledFuture<?> deadlineFor(WorkerConnection worker, AtomicBoolean overtime) {
        if (trialTimeLimit == null) {
            return null;
        }
        return deadlines.schedule(() -> {
            overtime.set(true);
            worker.kill();
        }, trialTimeLimit.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A duration as a user writes it: 90s, 45m, 2h. */
    static String describe(Duration d) {
        long s = d.toSeconds();
        return s % 3600 == 0 ? s / 3600 + "h" : s % 60 == 0 ? s / 60 + "m" : s + "s";
    }

    private WorkerConnection startWorker(String name, java.util.Map<String, String> environment) throws IOException {
        WorkerConnection worker = WorkerConnection.start(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                workerOptions(jvmOptions, System.getProperties()), String.join(java.io.File.pathSeparator,
                        ApplicationClassPath.entries()), name, environment);
        synchronized (workerConnections) {
            workerConnections.add(worker);
        }
        return worker;
    }

    /** System properties a worker inherits from the driver when set there: its logging configuration. */
    static final List<String> INHERITED_PROPERTIES = List.of("logback.configurationFile");

    /**
     * A worker's JVM options: the driver's {@link #INHERITED_PROPERTIES} that are set, so that
     * workers log as the driver does, then {@code jvmOptions}, which win where they repeat one.
     */
    static List<String> workerOptions(List<String> jvmOptions, java.util.Properties driver) {
        List<String> options = new ArrayList<>();
        for (String property : INHERITED_PROPERTIES) {
            String value = driver.getProperty(property);
            if (value != null) {
                options.add("-D" + property + "=" + value);
            }
        }
        options.addAll(jvmOptions);
        return options;
    }

    /** Stops the workers (a running trial is killed; it stays running in the store until resumed). */
    @Override
    public void close() {
        closed = true;
        if (deadlines != null) {
            deadlines.shutdownNow();
        }
        // The workers first: a feeder waiting on a trial in training then returns at once (at a
        // shutdown, a trial may still be running; after a search, the workers are idle).
        synchronized (workerConnections) {
            workerConnections.forEach(WorkerConnection::kill);
        }
        for (Thread feeder : feeders) {
            try {
                feeder.join(15_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (workerConnections) {
            workerConnections.forEach(WorkerConnection::kill); // any a feeder started meanwhile
        }
        Job left;
        while ((left = jobs.poll()) != null) {
            left.result().complete(left.trial().failed("the worker processes were closed", "driver", System.currentTimeMillis()));
        }
    }

    @Override
    public String toString() {
        return "processes[" + workers + "]";
    }
}
