package org.terrain4j.study.run;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;
import org.deeplearning4j.arbiter.optimize.api.Candidate;
import org.deeplearning4j.arbiter.optimize.api.CandidateGenerator;
import org.deeplearning4j.arbiter.optimize.api.OptimizationResult;
import org.deeplearning4j.arbiter.optimize.api.TaskCreator;
import org.deeplearning4j.arbiter.optimize.api.termination.TerminationCondition;
import org.deeplearning4j.arbiter.optimize.config.OptimizationConfiguration;
import org.deeplearning4j.arbiter.optimize.runner.CandidateInfo;
import org.deeplearning4j.arbiter.optimize.runner.CandidateStatus;
import org.deeplearning4j.arbiter.optimize.runner.IOptimizationRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.terrain4j.arbiter.EpochReporter;
import org.terrain4j.listeners.TerrainListener;
import org.terrain4j.search.arbiter.SamplingCandidateGenerator;
import org.terrain4j.study.store.Direction;
import org.terrain4j.study.store.StoreException;
import org.terrain4j.study.store.StoredTrial;
import org.terrain4j.study.store.StudyDefinition;
import org.terrain4j.study.store.StudyStore;
import org.terrain4j.study.store.TrialState;

/**
 * Arbiter's optimization loop with a study store: every trial is recorded when it starts
 * (running, with its point and worker), after every epoch (its score, for pruners) and when it
 * ends (complete, pruned or failed, with the reason), each write a transaction. Drop-in for
 * {@code LocalOptimizationRunner}: same {@code OptimizationConfiguration}, termination
 * conditions, task creators and status listeners.
 *
 * <p>The store is the study's history: the generator learns each trial from what the store
 * committed ({@link StudyGenerator}), and rerunning with the same store and study continues it:
 * <ul>
 *   <li>finished trials go back to the generator, so none is evaluated twice;</li>
 *   <li>trials left running by a process that died are abandoned and trained again as new
 *       trials ({@link ResumePlan});</li>
 *   <li>termination conditions count the study's earlier trials: {@code MaxCandidatesCondition(50)}
 *       ends the study at 50 trials in all ({@link StudyTally}).</li>
 * </ul>
 * Executors see one {@link TrialContext} per trial, never the runner. Terrain's tasks score
 * every epoch and the scores are stored (the last one is the trial's score); a trial the pruner
 * stops is recorded as pruned with its last score, which the generator is told as its score.
 */
public final class StudyRunner extends StudyProgress implements EpochReporter {

    private static final Logger LOG = LoggerFactory.getLogger(StudyRunner.class);

    private final OptimizationConfiguration config;
    private final TaskCreator taskCreator;
    private final StudyStore store;
    private final String studyName;
    private final TrialExecutor executor;
    private final EpochPruning pruning;
    private final Path modelFolder;
    private final long heartbeatMillis;
    private final long staleAfterMillis;
    private final String worker;
    private final Function<Object, String> describer;
    private final boolean sharedStudy;
    private final StudyGenerator generator;
    /** This run's trials by candidate index: their trial numbers, and why the pruner stopped any. */
    private final Map<Integer, Integer> trialOfCandidate = new ConcurrentHashMap<>();
    private final Map<Integer, String> prunedReasons = new ConcurrentHashMap<>();
    private final BlockingQueue<Finished> finished = new LinkedBlockingQueue<>();
    /** Abandoned trials to train again, oldest first. */
    private final Deque<StoredTrial> retries = new ArrayDeque<>();
    /** Trial numbers the generator knows: this runner's and those it learnt from the store. */
    private final Set<Integer> known = ConcurrentHashMap.newKeySet();
    /** The best model on disk, when a model folder was given: trials stage, this runner promotes after each commit. */
    private BestModelSaver bestModels;
    /** Set by the shutdown hook: failures from then on are the shutdown's, not the trials'. */
    private volatile boolean stopping;

    /**
     * This runner as the termination conditions see it before a trial starts: running trials
     * count as finished, so that {@code MaxCandidatesCondition(n)} never lets more than n
     * trials start (Arbiter's own runner starts extra ones when several run at once).
     */
    private final IOptimizationRunner runningAsFinished = (IOptimizationRunner) Proxy.newProxyInstance(
            IOptimizationRunner.class.getClassLoader(), new Class<?>[] {IOptimizationRunner.class},
            (proxy, method, args) -> method.getName().equals("numCandidatesCompleted")
                    ? numCandidatesCompleted() + running.size() : method.invoke(this, args));

    private record Finished(Candidate<?> candidate, OptimizationResult result, Throwable error) {
    }

    StudyRunner(StudyRunnerBuilder b) {
        super(new StudyTally(Direction.of(b.configuration.getScoreFunction().minimize())));
        this.config = b.configuration;
        this.taskCreator = b.taskCreator;
        this.store = b.store;
        this.studyName = b.study;
        this.executor = b.executor;
        Direction direction = Direction.of(config.getScoreFunction().minimize());
        this.pruning = new EpochPruning(studyName, direction, b.pruner);
        this.modelFolder = b.modelFolder;
        this.heartbeatMillis = b.heartbeatMillis;
        this.staleAfterMillis = b.staleAfterMillis;
        this.worker = b.worker;
        this.describer = b.describer;
        this.sharedStudy = b.shared;
        this.generator = StudyGenerator.of(config.getCandidateGenerator(), studyName);
    }

    /** A runner for {@code configuration}; set at least the store and the study name. */
    public static StudyRunnerBuilder builder(OptimizationConfiguration configuration) {
        return new StudyRunnerBuilder(configuration);
    }

    /** The study this runner records, as {@link #execute} opens it. */
    public StudyDefinition definition() {
        CandidateGenerator g = generator.generator();
        long seed = g instanceof SamplingCandidateGenerator s ? s.seed() : config.getRngSeed() == null ? 0 : config.getRngSeed();
        return new StudyDefinition(studyName, SpaceDescription.of(g.getParameterSpace()), pruning.direction(),
                g.getClass().getSimpleName(), seed);
    }

    @Override
    public void execute() {
        if (modelFolder != null) {
            BestModelSummary.checkFolderOf(modelFolder, studyName); // before the study is written anywhere
        }
        StudyDefinition requested = definition();
        StudyDefinition stored = store.open(requested);
        if (!sharedStudy && stored.seed() != requested.seed()) {
            // Workers of a shared study differ in seed on purpose; one search resumed with another
            // seed would mix two searches' trials in one study.
            throw new StoreException("study '" + studyName + "' in " + store.location() + " was created with seed "
                    + stored.seed() + ", not " + requested.seed() + ": resume it with its own --seed, or use another --study name");
        }
        resume();
        if (modelFolder != null) {
            try {
                bestModels = new BestModelSaver(modelFolder, studyName, pruning.direction(), this::trialNumber,
                        prunedReasons::containsKey, config.getResultSaver());
                bestModels.settle(store.trials(studyName));
                config.setResultSaver(bestModels);
            } catch (IOException e) {
                throw new StoreException("cannot use the model folder " + modelFolder + ": " + e.getMessage(), e);
            }
        }
        config.setExecutionStartTime(System.currentTimeMillis());
        listeners.forEach(l -> l.onInitialization(this));
        config.getTerminationConditions().forEach(c -> c.initialize(this));
        Thread shutdown = new Thread(this::stopOnShutdown, "terrain-study-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdown);
        try (Heartbeat beating = new Heartbeat(store, studyName, worker, heartbeatMillis)) {
            loop();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdown);
            } catch (IllegalStateException e) {
                // the JVM is shutting down: the hook runs (or ran) and closes the executor
            }
            executor.close();
            listeners.forEach(l -> l.onShutdown(this));
        }
    }

    /** Marks the trials a dead process left running, queues their retrials, and teaches the generator the study. */
    private void resume() {
        List<StoredTrial> trials = store.trials(studyName);
        if (trials.isEmpty()) {
            return;
        }
        ResumePlan plan = ResumePlan.of(trials, System.currentTimeMillis(), staleAfterMillis, Worker::deadOnThisHost, worker);
        plan.abandonments().forEach(a -> store.abandon(studyName, a.number(), a.retry(), a.reason()));
        trials = store.trials(studyName);
        // From the store, not from the plan: a process killed between marking a trial abandoned
        // and starting its retrial leaves the retrial to the next resume.
        retries.addAll(Abandoned.awaitingRetrial(trials));
        for (StoredTrial t : trials) {
            if (t.state() != TrialState.RUNNING) { // a running one is another live worker's
                generator.resumeFrom(t);
                tally.count(t);
                known.add(t.number());
            }
        }
        LOG.info("study {}: resumed with {} earlier trials through {}, {} abandoned", studyName, trials.size(),
                generator.generator().getClass().getSimpleName(), plan.abandonments().size());
    }

    private void loop() {
        CandidateGenerator candidates = generator.generator();
        while (!stopping) {
            if (running.size() < executor.parallelism()) {
                learnFromOtherWorkers();
            }
            while (running.size() < executor.parallelism() && !terminate()
                    && (!retries.isEmpty() || candidates.hasMoreCandidates())) {
                StoredTrial retried = retries.poll();
                start(retried == null ? candidates.getCandidate() : generator.retrial(retried),
                        retried == null ? null : retried.number());
            }
            if (running.isEmpty()) {
                return;
            }
            Finished done;
            try {
                done = finished.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                LOG.warn("study {}: interrupted with {} trials running; they stay running in the store and are"
                        + " retried when the study resumes", studyName, running.size());
                return;
            }
            if (record(done) && !executor.tasksNotifyListeners()) {
                tellListeners(done.candidate(), done.result(), trialNumber(done.candidate().getIndex()));
            }
            listeners.forEach(l -> l.onRunnerStatusChange(this));
        }
    }

    /** Teaches the generator, and the tally, the trials other processes of a shared study finished since last time. */
    private void learnFromOtherWorkers() {
        if (sharedStudy) {
            for (StoredTrial t : store.trials(studyName)) {
                if (t.state().finished() && !t.worker().equals(worker) && known.add(t.number())) {
                    tally.count(t);
                    generator.learnFromOtherWorker(t);
                }
            }
        }
    }

    private boolean terminate() {
        for (TerminationCondition c : config.getTerminationConditions()) {
            if (c.terminate(runningAsFinished)) {
                LOG.info("study {}: {} reached", studyName, c);
                return true;
            }
        }
        return false;
    }

    /** Records {@code candidate} as a new trial (the retrial of trial {@code retryOf}, or null) and hands it to the executor. */
    private void start(Candidate<?> candidate, Integer retryOf) {
        double[] point = candidate.getFlatParameters() == null ? new double[0] : candidate.getFlatParameters();
        int index = candidate.getIndex();
        int number = store.start(studyName, point, describe(candidate), worker, executor.isolatesTrials(), retryOf).number();
        trialOfCandidate.put(index, number);
        known.add(number);
        tally.started();
        if (candidate.getException() != null) {
            fail(candidate, number, "the configuration could not be built: " + candidate.getException());
            return;
        }
        markRunning(candidate);
        executor.execute(context(candidate, number))
                .whenComplete((result, error) -> finished.add(new Finished(candidate, result, error)));
    }

    /** What an executor sees of trial {@code number}. */
    TrialContext context(Candidate<?> candidate, int number) {
        return new TrialContext(number, candidate, () -> createTask(candidate),
                () -> new RemoteTrial(candidate, number, config, store.location(), pruning, modelFolder),
                RemoteTrial.environmentFor(store.location()), reason -> markPruned(candidate.getIndex(), reason));
    }

    private String describe(Candidate<?> candidate) {
        try {
            if (candidate.getValue() != null) {
                return describer.apply(candidate.getValue());
            }
        } catch (RuntimeException e) {
            // described by its point
        }
        return Arrays.toString(candidate.getFlatParameters());
    }

    /** Commits a finished trial to the store, then tells the generator and the tally; false when the shutdown left it running. */
    private boolean record(Finished done) {
        Candidate<?> candidate = done.candidate();
        int index = candidate.getIndex();
        int number = trialOfCandidate.get(index);
        OptimizationResult result = done.result();
        CandidateInfo info = result == null ? null : result.getCandidateInfo();
        boolean ok = done.error() == null && info != null && info.getCandidateStatus() == CandidateStatus.Complete
                && result.getScore() != null && Double.isFinite(result.getScore());
        if (!ok) {
            if (stopping) {
                running.remove(index);
                return false; // stopped by the shutdown, not by its configuration: it trains again on resume
            }
            fail(candidate, number, done.error() != null ? done.error().toString()
                    : info == null ? "the task returned no result"
                    : Objects.requireNonNullElse(info.getExceptionStackTrace(), "score " + result.getScore()));
            return true;
        }
        String prunedReason = prunedReasons.get(index);
        double score = result.getScore();
        store.finish(studyName, number, prunedReason == null ? TrialState.COMPLETE : TrialState.PRUNED, score, prunedReason);
        settleModel(number, prunedReason == null ? score : null);
        generator.finished(candidate, result, null, () -> store.intermediate(studyName, number));
        tally.finished(prunedReason == null, score, index, System.currentTimeMillis());
        markFinished(candidate, score, prunedReason, result.getResultReference());
        return true;
    }

    private void fail(Candidate<?> candidate, int number, String reason) {
        store.finish(studyName, number, TrialState.FAILED, null, reason);
        settleModel(number, null);
        generator.finished(candidate, null, reason, () -> store.intermediate(studyName, number));
        tally.failed();
        markFinished(candidate, null, reason, null);
        LOG.info("study {}: trial {} failed: {}", studyName, number, reason);
    }

    private void settleModel(int number, Double score) {
        if (bestModels != null) {
            bestModels.afterCommit(number, score);
        }
    }

    /**
     * The JVM is shutting down (SIGTERM, Ctrl-C) during the study: the trials that were running
     * stay running in the store, to be trained again when the study resumes (a failure the
     * shutdown causes is not recorded), the worker processes are stopped, and the log says how
     * to resume.
     */
    private void stopOnShutdown() {
        stopping = true;
        if (!running.isEmpty()) {
            LOG.warn("study {}: stopped with {} trial(s) running; they are trained again when the study resumes: run "
                    + "the same search on {} again (terrain search: the same command with --resume)", studyName,
                    running.size(), store.location());
        }
        executor.close();
    }

    /** The task that trains {@code candidate} in this process, with this runner's task creator, data and listeners. */
    private Callable<OptimizationResult> createTask(Candidate<?> candidate) {
        if (config.getDataSource() != null) {
            return taskCreator.create(candidate, config.getDataSource(), config.getDataSourceProperties(),
                    config.getScoreFunction(), listeners, this);
        }
        @SuppressWarnings("deprecation")
        Callable<OptimizationResult> task = taskCreator.create(candidate, config.getDataProvider(),
                config.getScoreFunction(), listeners, this);
        return task;
    }

    @Override
    public Optional<String> afterEpoch(int candidateIndex, int epoch, double score) {
        Integer number = trialOfCandidate.get(candidateIndex);
        Optional<String> reason = number == null ? Optional.empty() : pruning.afterEpoch(store, number, epoch, score);
        reason.ifPresent(r -> markPruned(candidateIndex, r));
        return reason;
    }

    @Override
    public void afterTraining(int candidateIndex, TerrainListener listener) {
        Integer number = trialOfCandidate.get(candidateIndex);
        if (number != null) {
            store.recordDecisions(studyName, number, TrialDecisions.of(listener));
        }
    }

    private void markPruned(int index, String reason) {
        prunedReasons.put(index, reason);
    }

    /** The study's name. */
    public String studyName() {
        return studyName;
    }

    /** The reason candidate {@code index} was pruned, if it was. */
    public Optional<String> prunedReason(int index) {
        return Optional.ofNullable(prunedReasons.get(index));
    }

    /** The study trial number of candidate {@code index}, or -1. */
    public int trialNumber(int index) {
        return trialOfCandidate.getOrDefault(index, -1);
    }

    @Override
    public OptimizationConfiguration getConfiguration() {
        return config;
    }

    @Override
    public void shutdown(boolean awaitCompletion) {
        executor.close();
    }
}
