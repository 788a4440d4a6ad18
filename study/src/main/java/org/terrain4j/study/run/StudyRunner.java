package org.terrain4j.study.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.deeplearning4j.arbiter.optimize.api.Candidate;
import org.deeplearning4j.arbiter.optimize.api.CandidateGenerator;
import org.deeplearning4j.arbiter.optimize.api.OptimizationResult;
import org.deeplearning4j.arbiter.optimize.api.TaskCreator;
import org.deeplearning4j.arbiter.optimize.api.saving.ResultReference;
import org.deeplearning4j.arbiter.optimize.api.termination.TerminationCondition;
import org.deeplearning4j.arbiter.optimize.config.OptimizationConfiguration;
import org.deeplearning4j.arbiter.optimize.runner.CandidateInfo;
import org.deeplearning4j.arbiter.optimize.runner.CandidateStatus;
import org.deeplearning4j.arbiter.optimize.runner.IOptimizationRunner;
import org.deeplearning4j.arbiter.optimize.runner.listener.StatusListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.terrain4j.arbiter.EpochReporter;
import org.terrain4j.listeners.TerrainListener;
import org.terrain4j.arbiter.TerrainTaskCreator;
import org.terrain4j.search.arbiter.SamplingCandidateGenerator;
import org.terrain4j.study.prune.Pruner;
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
 * <p>Rerunning with the same store and study continues it:
 * <ul>
 *   <li>finished trials go back to the generator, so none is evaluated twice: Terrain's
 *       generators learn them ({@link SamplingCandidateGenerator#restore}); any other generator
 *       (Arbiter's random and grid search) is replayed, asked for as many candidates as the
 *       study has, each checked to be the stored one;</li>
 *   <li>trials left running by a process that died (gone from this host, or silent for longer
 *       than the stale timeout) are marked failed as abandoned and trained again as new trials,
 *       up to three times per configuration when they trained inside that process (a
 *       configuration that kills its process is not retried for ever); trials in worker
 *       processes ({@link TrialExecutor#isolatesTrials}) were not the cause and are always retried;</li>
 *   <li>termination conditions count the study's earlier trials: {@code MaxCandidatesCondition(50)}
 *       ends the study at 50 trials in all.</li>
 * </ul>
 * Terrain's tasks score every epoch and the scores are stored (pruner or not; the last one is
 * the trial's score, so nothing is scored twice); a trial the pruner stops is recorded as
 * pruned with its last score, which the generator is told as the trial's score.
 */
public final class StudyRunner implements IOptimizationRunner, EpochReporter {

    private static final Logger LOG = LoggerFactory.getLogger(StudyRunner.class);
    /**
     * How often one configuration is trained again after the process that trained it in-process
     * died (a configuration that kills its process is not retried for ever); abandonments of
     * isolated trials, whose own process survives their crashes, do not count.
     */
    private static final int MAX_RETRIES = 3;

    private final OptimizationConfiguration config;
    private final TaskCreator taskCreator;
    private final StudyStore store;
    private final String studyName;
    private final TrialExecutor executor;
    private final Pruner pruner;
    private final Path modelFolder;
    private final long heartbeatMillis;
    private final long staleAfterMillis;
    private final String worker;
    private final java.util.function.Function<Object, String> describer;
    private final Direction direction;
    private final List<StatusListener> listeners = new CopyOnWriteArrayList<>();

    private final Map<Integer, Integer> trialOfCandidate = new ConcurrentHashMap<>();
    private final Map<Integer, Candidate<?>> running = new ConcurrentHashMap<>();
    private final Map<Integer, String> prunedReasons = new ConcurrentHashMap<>();
    private final Map<Integer, CandidateInfo> status = new ConcurrentHashMap<>();
    private final BlockingQueue<Finished> finished = new LinkedBlockingQueue<>();
    private final Deque<StoredTrial> retries = new ArrayDeque<>();
    /** Candidate index of each retrial started by this runner to the abandoned trial it retrains. */
    private final Map<Integer, Integer> retryOfCandidate = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();
    private final AtomicInteger completed = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final List<ResultReference> results = new CopyOnWriteArrayList<>();
    private volatile Double bestScore;
    private volatile Long bestScoreTime;
    private volatile int bestIndex = -1;
    private int nextRetryIndex = -1;
    /** Trial numbers this runner's generator knows: its own and those it learnt from the store. */
    private final java.util.Set<Integer> known = ConcurrentHashMap.newKeySet();
    private final boolean sharedStudy;
    /** The best model on disk, when a model folder was given: trials stage, this runner promotes after each commit. */
    private BestModelSaver bestModels;
    /** Set by the shutdown hook: failures from then on are the shutdown's, not the trials'. */
    private volatile boolean stopping;

    /**
     * This runner as the termination conditions see it before a trial starts: running trials
     * count as finished, so that {@code MaxCandidatesCondition(n)} never lets more than n
     * trials start (Arbiter's own runner starts extra ones when several run at once).
     */
    private final IOptimizationRunner runningAsFinished = (IOptimizationRunner) java.lang.reflect.Proxy.newProxyInstance(
            IOptimizationRunner.class.getClassLoader(), new Class<?>[] {IOptimizationRunner.class},
            (proxy, method, args) -> method.getName().equals("numCandidatesCompleted")
                    ? completed.get() + running.size() : method.invoke(this, args));

    private record Finished(Candidate<?> candidate, OptimizationResult result, Throwable error) {
    }

    private StudyRunner(Builder b) {
        this.config = Objects.requireNonNull(b.configuration, "configuration");
        if (config.getTerminationConditions() == null || config.getTerminationConditions().isEmpty()) {
            throw new IllegalArgumentException("the configuration needs termination conditions (e.g. MaxCandidatesCondition)");
        }
        this.taskCreator = b.taskCreator;
        this.store = Objects.requireNonNull(b.store, "store");
        this.studyName = Objects.requireNonNull(b.study, "study");
        this.executor = b.executor;
        this.pruner = b.pruner;
        this.modelFolder = b.modelFolder;
        this.heartbeatMillis = b.heartbeatMillis;
        this.staleAfterMillis = b.staleAfterMillis;
        this.worker = b.worker;
        this.describer = b.describer;
        this.direction = Direction.of(config.getScoreFunction().minimize());
        this.sharedStudy = b.shared;
    }

    /** A runner for {@code configuration}; set at least the store and the study name. */
    public static Builder builder(OptimizationConfiguration configuration) {
        return new Builder(configuration);
    }

    /** The study this runner records, as {@link #execute} opens it. */
    public StudyDefinition definition() {
        CandidateGenerator generator = config.getCandidateGenerator();
        long seed = generator instanceof SamplingCandidateGenerator s ? s.seed()
                : config.getRngSeed() == null ? 0 : config.getRngSeed();
        return new StudyDefinition(studyName, SpaceDescription.of(generator.getParameterSpace()), direction,
                generator.getClass().getSimpleName(), seed);
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
                bestModels = new BestModelSaver(modelFolder, studyName, direction,
                        index -> trialOfCandidate.getOrDefault(index, -1), prunedReasons::containsKey,
                        config.getResultSaver());
                bestModels.settle(store.trials(studyName));
                config.setResultSaver(bestModels);
            } catch (IOException e) {
                throw new StoreException("cannot use the model folder " + modelFolder + ": " + e.getMessage(), e);
            }
        }
        config.setExecutionStartTime(System.currentTimeMillis());
        for (StatusListener listener : listeners) {
            listener.onInitialization(this);
        }
        for (TerminationCondition c : config.getTerminationConditions()) {
            c.initialize(this);
        }
        ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "terrain-heartbeat");
            t.setDaemon(true);
            return t;
        });
        heartbeat.scheduleAtFixedRate(this::beat, heartbeatMillis, heartbeatMillis, TimeUnit.MILLISECONDS);
        Thread shutdown = new Thread(this::stopOnShutdown, "terrain-study-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdown);
        try {
            loop();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdown);
            } catch (IllegalStateException e) {
                // the JVM is shutting down: the hook runs (or ran) and closes the executor
            }
            heartbeat.shutdownNow();
            executor.close();
            for (StatusListener listener : listeners) {
                listener.onShutdown(this);
            }
        }
    }

    private void loop() {
        CandidateGenerator generator = config.getCandidateGenerator();
        while (!stopping) {
            if (running.size() < executor.parallelism()) {
                learnFromOtherWorkers();
            }
            while (running.size() < executor.parallelism() && !terminate(runningAsFinished)
                    && (!retries.isEmpty() || generator.hasMoreCandidates())) {
                start(retries.isEmpty() ? generator.getCandidate() : retryCandidate(retries.poll()));
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
                notifyFinished(done);
            }
            for (StatusListener listener : listeners) {
                listener.onRunnerStatusChange(this);
            }
        }
    }

    /**
     * Counts the trials other workers finished since this one last looked (several processes on
     * one PostgreSQL study), so that termination conditions see the whole study, and tells a
     * Terrain generator, so that it does not propose them again.
     */
    private void learnFromOtherWorkers() {
        if (!sharedStudy) {
            return;
        }
        for (StoredTrial t : store.trials(studyName)) {
            if (t.state().finished() && !t.worker().equals(worker) && known.add(t.number())) {
                count(t); // the budget is the study's
                if (config.getCandidateGenerator() instanceof SamplingCandidateGenerator sampling) {
                    restore(sampling, t);
                }
            }
        }
    }

    /** Tells the status listeners that a trial trained elsewhere finished, as a local task would have. */
    private void notifyFinished(Finished done) {
        int index = done.candidate().getIndex();
        OptimizationResult result = done.result();
        CandidateInfo info = result != null && result.getCandidateInfo() != null ? result.getCandidateInfo() : status.get(index);
        if (result == null) {
            result = new OptimizationResult(done.candidate(), null, index, null, info, null);
        }
        for (StatusListener listener : listeners) {
            try {
                listener.onCandidateStatusChange(info, this, result);
            } catch (RuntimeException e) {
                LOG.error("status listener {} failed on trial {}", listener, trialNumber(index), e);
            }
        }
    }

    private boolean terminate(IOptimizationRunner view) {
        for (TerminationCondition c : config.getTerminationConditions()) {
            if (c.terminate(view)) {
                LOG.info("study {}: {} reached", studyName, c);
                return true;
            }
        }
        return false;
    }

    private void start(Candidate<?> candidate) {
        double[] point = candidate.getFlatParameters();
        StoredTrial trial = store.start(studyName, point == null ? new double[0] : point, describe(candidate), worker,
                executor.isolatesTrials(), retryOfCandidate.remove(candidate.getIndex()));
        trialOfCandidate.put(candidate.getIndex(), trial.number());
        known.add(trial.number());
        total.incrementAndGet();
        long now = System.currentTimeMillis();
        if (candidate.getException() != null) {
            String reason = "the configuration could not be built: " + candidate.getException();
            store.finish(studyName, trial.number(), TrialState.FAILED, null, reason);
            failed.incrementAndGet();
            status.put(candidate.getIndex(), new CandidateInfo(candidate.getIndex(), CandidateStatus.Failed, null, now,
                    now, now, point, reason));
            return;
        }
        status.put(candidate.getIndex(), new CandidateInfo(candidate.getIndex(), CandidateStatus.Running, null, now, now,
                null, point, null));
        running.put(candidate.getIndex(), candidate);
        executor.execute(candidate, this).whenComplete((result, error) -> finished.add(new Finished(candidate, result, error)));
    }

    private String describe(Candidate<?> candidate) {
        if (candidate.getValue() == null) {
            return java.util.Arrays.toString(candidate.getFlatParameters());
        }
        try {
            return describer.apply(candidate.getValue());
        } catch (RuntimeException e) {
            return java.util.Arrays.toString(candidate.getFlatParameters());
        }
    }

    /** Records a finished trial in the store and tells the generator; false when it was left running (a shutdown). */
    private boolean record(Finished done) {
        Candidate<?> candidate = done.candidate();
        int index = candidate.getIndex();
        running.remove(index);
        int number = trialOfCandidate.get(index);
        OptimizationResult result = done.result();
        boolean ok = done.error() == null && result != null && result.getCandidateInfo() != null
                && result.getCandidateInfo().getCandidateStatus() == CandidateStatus.Complete
                && result.getScore() != null && Double.isFinite(result.getScore());
        long now = System.currentTimeMillis();
        if (!ok && stopping) {
            return false; // stopped by the shutdown, not by its configuration: it stays running, to train again on resume
        }
        if (!ok) {
            String reason = done.error() != null ? done.error().toString()
                    : result == null || result.getCandidateInfo() == null ? "the task returned no result"
                    : Objects.requireNonNullElse(result.getCandidateInfo().getExceptionStackTrace(), "score " + result.getScore());
            store.finish(studyName, number, TrialState.FAILED, null, reason);
            settleModel(number, null);
            failed.incrementAndGet();
            if (config.getCandidateGenerator() instanceof SamplingCandidateGenerator sampling) {
                sampling.reportFailure(index, reason); // Arbiter's runner never does; a second report counts once
            }
            status.put(index, new CandidateInfo(index, CandidateStatus.Failed, null, now, now, now,
                    candidate.getFlatParameters(), reason));
            LOG.info("study {}: trial {} failed: {}", studyName, number, reason);
            return true;
        }
        String prunedReason = prunedReasons.get(index);
        double score = result.getScore();
        store.finish(studyName, number, prunedReason == null ? TrialState.COMPLETE : TrialState.PRUNED, score, prunedReason);
        settleModel(number, prunedReason == null ? score : null);
        completed.incrementAndGet();
        if (index >= 0) { // a negative index is a retrial a replaying generator never proposed
            config.getCandidateGenerator().reportResults(result);
        }
        if (prunedReason == null && direction.better(score, bestScore)) {
            bestScore = score;
            bestScoreTime = now;
            bestIndex = index;
        }
        if (result.getResultReference() != null) {
            results.add(result.getResultReference());
        }
        status.put(index, new CandidateInfo(index, CandidateStatus.Complete, score, now, now, now,
                candidate.getFlatParameters(), prunedReason));
        return true;
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

    /**
     * After trial {@code number} was committed: its staged model becomes the best if it is
     * (complete, {@code score} given) or goes (failed or pruned, null). A failure here loses no
     * trial: it is logged, and the staged model stays for the next resume to settle.
     */
    private void settleModel(int number, Double score) {
        if (bestModels == null) {
            return;
        }
        try {
            if (score != null) {
                bestModels.promote(number, score);
            } else {
                bestModels.discard(number);
            }
        } catch (IOException | RuntimeException e) {
            LOG.error("study {}: trial {} is committed, but its model could not be settled in {}: {}", studyName, number,
                    modelFolder, e.toString());
        }
    }

    /** Feeds the study's earlier trials to the generator and queues the abandoned ones for retraining. */
    private void resume() {
        List<StoredTrial> trials = store.trials(studyName);
        if (trials.isEmpty()) {
            return;
        }
        List<StoredTrial> abandoned = Abandoned.find(trials, System.currentTimeMillis(), staleAfterMillis,
                Worker::deadOnThisHost, worker);
        for (StoredTrial t : abandoned) {
            boolean retry = t.isolated() || !Abandoned.abandonedBefore(trials, t.point(), MAX_RETRIES);
            String reason = Abandoned.REASON + ": worker " + t.worker() + " stopped (last heartbeat "
                    + java.time.Instant.ofEpochMilli(t.heartbeatAt()) + ")" + (retry ? "; " + Abandoned.RETRIED
                    : "; abandoned " + (MAX_RETRIES + 1) + " times, not retried (does this configuration kill the process?)");
            store.abandon(studyName, t.number(), retry, reason);
        }
        trials = store.trials(studyName);
        // From the store, not from what was just marked: a process killed between marking a trial
        // abandoned and starting its retrial leaves the retrial to the next resume.
        retries.addAll(Abandoned.awaitingRetrial(trials));
        CandidateGenerator generator = config.getCandidateGenerator();
        int replayed = 0;
        for (StoredTrial t : trials) {
            if (t.state() == TrialState.RUNNING) {
                continue; // another live worker's
            }
            if (generator instanceof SamplingCandidateGenerator sampling) {
                restore(sampling, t);
            } else if (!Abandoned.isRetrial(t)) {
                replay(generator, t);
                replayed++;
            }
            count(t);
            known.add(t.number());
        }
        LOG.info("study {}: resumed with {} earlier trials ({} replayed through {}), {} abandoned", studyName,
                trials.size(), replayed, generator.getClass().getSimpleName(), abandoned.size());
    }

    /** Tells a Terrain generator a finished trial; an abandoned one says nothing about its configuration. */
    private static void restore(SamplingCandidateGenerator sampling, StoredTrial t) {
        if (!Abandoned.is(t)) {
            sampling.restore(t.point(), t.state() == TrialState.FAILED ? null : t.score());
        }
    }

    /** Counts a finished trial of the study for the termination conditions and the best score. */
    private void count(StoredTrial t) {
        if (Abandoned.is(t)) {
            return; // trained again: counted then
        }
        total.incrementAndGet();
        if (t.state() == TrialState.FAILED) {
            failed.incrementAndGet();
        } else {
            completed.incrementAndGet();
            if (t.state() == TrialState.COMPLETE && direction.better(t.score(), bestScore)) {
                bestScore = t.score();
                bestScoreTime = t.finishedAt();
            }
        }
    }

    /** Asks a generator that cannot be told past trials for the next candidate, which must be the stored one. */
    private void replay(CandidateGenerator generator, StoredTrial t) {
        if (!generator.hasMoreCandidates()) {
            throw new StoreException("study '" + studyName + "' has more trials than " + generator.getClass().getSimpleName()
                    + " can replay; was its seed or space changed?");
        }
        Candidate<?> candidate = generator.getCandidate();
        if (!Arrays.equals(candidate.getFlatParameters(), t.point())) {
            throw new StoreException("study '" + studyName + "': " + generator.getClass().getSimpleName() + " does not"
                    + " reproduce trial " + t.number() + " (another seed?); resume with the study's seed or use another --study");
        }
        trialOfCandidate.put(candidate.getIndex(), t.number());
        if (t.state() != TrialState.FAILED && t.score() != null) {
            generator.reportResults(new OptimizationResult(candidate, t.score(), candidate.getIndex(), null,
                    new CandidateInfo(candidate.getIndex(), CandidateStatus.Complete, t.score(), t.startedAt(), t.startedAt(),
                            t.finishedAt(), t.point(), null), null));
        }
    }

    /**
     * The candidate that trains an abandoned trial's configuration again. A Terrain generator
     * registers it as pending, so that it proposes the configuration neither while the retrial
     * runs nor after, and learns its result like any candidate's; a generator that can only
     * replay gets a negative index it never sees.
     */
    private Candidate<?> retryCandidate(StoredTrial abandoned) {
        double[] point = abandoned.point();
        CandidateGenerator generator = config.getCandidateGenerator();
        int index = generator instanceof SamplingCandidateGenerator sampling ? sampling.pending(point) : nextRetryIndex--;
        retryOfCandidate.put(index, abandoned.number());
        try {
            return new Candidate<>(generator.getParameterSpace().getValue(point), index, point, null, null);
        } catch (RuntimeException e) {
            return new Candidate<>((Object) null, index, point, null, e);
        }
    }

    private void beat() {
        try {
            store.heartbeat(studyName, worker);
        } catch (RuntimeException e) {
            LOG.warn("study {}: heartbeat failed: {}", studyName, e.getMessage());
        }
    }

    /** The task that trains {@code candidate} (for executors). */
    public Callable<OptimizationResult> createTask(Candidate<?> candidate) {
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
        if (number == null) {
            return Optional.empty();
        }
        Optional<String> reason = epochPruning().afterEpoch(store, number, epoch, score);
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

    /** The per-epoch recording and pruning of this study's trials, for executors that train elsewhere. */
    public EpochPruning epochPruning() {
        return new EpochPruning(studyName, direction, pruner);
    }

    /** Records that candidate {@code index} was stopped by the pruner (executors that train elsewhere call it). */
    public void markPruned(int index, String reason) {
        prunedReasons.put(index, reason);
    }

    /** The store. */
    public StudyStore store() {
        return store;
    }

    /** The folder of the best model, or null. */
    public Path modelFolder() {
        return modelFolder;
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
    public int numCandidatesTotal() {
        return total.get();
    }

    @Override
    public int numCandidatesCompleted() {
        return completed.get();
    }

    @Override
    public int numCandidatesFailed() {
        return failed.get();
    }

    @Override
    public int numCandidatesQueued() {
        return running.size();
    }

    @Override
    public Double bestScore() {
        return bestScore;
    }

    @Override
    public Long bestScoreTime() {
        return bestScoreTime;
    }

    @Override
    public int bestScoreCandidateIndex() {
        return bestIndex;
    }

    @Override
    public List<ResultReference> getResults() {
        return List.copyOf(results);
    }

    @Override
    public OptimizationConfiguration getConfiguration() {
        return config;
    }

    @Override
    public void addListeners(StatusListener... add) {
        for (StatusListener l : add) {
            if (!listeners.contains(l)) {
                listeners.add(l);
            }
        }
    }

    @Override
    public void removeListeners(StatusListener... remove) {
        listeners.removeAll(List.of(remove));
    }

    @Override
    public void removeAllListeners() {
        listeners.clear();
    }

    @Override
    public List<CandidateInfo> getCandidateStatus() {
        return new ArrayList<>(status.values());
    }

    @Override
    public void shutdown(boolean awaitCompletion) {
        executor.close();
    }

    /** Builds a {@link StudyRunner}. */
    public static final class Builder {
        private final OptimizationConfiguration configuration;
        private TaskCreator taskCreator = new TerrainTaskCreator();
        private StudyStore store;
        private String study;
        private TrialExecutor executor;
        private Pruner pruner = Pruner.NONE;
        private Path modelFolder;
        private long heartbeatMillis = 10_000;
        private long staleAfterMillis = 120_000;
        private String worker = Worker.current();
        private boolean shared;
        private java.util.function.Function<Object, String> describer = String::valueOf;

        private Builder(OptimizationConfiguration configuration) {
            this.configuration = configuration;
        }

        /** The store (required). */
        public Builder store(StudyStore store) {
            this.store = store;
            return this;
        }

        /** The study's name (required; {@link org.terrain4j.study.store.StudyName}: a safe folder name). */
        public Builder study(String name) {
            this.study = org.terrain4j.study.store.StudyName.check(name);
            return this;
        }

        /** How candidates train: Terrain's task creator by default (needed for pruning). */
        public Builder taskCreator(TaskCreator taskCreator) {
            this.taskCreator = Objects.requireNonNull(taskCreator, "taskCreator");
            return this;
        }

        /** Where trials train: {@code new LocalTrialExecutor(1)} by default. */
        public Builder executor(TrialExecutor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /** The pruner; {@link Pruner#NONE} by default. */
        public Builder pruner(Pruner pruner) {
            this.pruner = Objects.requireNonNull(pruner, "pruner");
            return this;
        }

        /** Keep the best model in this folder ({@code best-model.zip}); none by default. */
        public Builder modelFolder(Path folder) {
            this.modelFolder = folder;
            return this;
        }

        /**
         * How often running trials heartbeat, and after how long without one a trial of another
         * host counts as abandoned (10 s and 120 s by default).
         */
        public Builder heartbeat(long everyMillis, long staleAfterMillis) {
            if (everyMillis < 1 || staleAfterMillis <= everyMillis) {
                throw new IllegalArgumentException("need 0 < heartbeat interval < stale timeout, got " + everyMillis
                        + " ms and " + staleAfterMillis + " ms");
            }
            this.heartbeatMillis = everyMillis;
            this.staleAfterMillis = staleAfterMillis;
            return this;
        }

        /** This process's name in the store ({@code host:pid} by default). */
        public Builder worker(String worker) {
            this.worker = Objects.requireNonNull(worker, "worker");
            return this;
        }

        /**
         * How a candidate's configuration is described in the store's {@code parameters} (what
         * {@code terrain studies show} prints): its {@code toString} by default.
         */
        public Builder describer(java.util.function.Function<Object, String> describer) {
            this.describer = Objects.requireNonNull(describer, "describer");
            return this;
        }

        /**
         * Whether other processes run trials of this study at the same time (PostgreSQL): then
         * their finished trials count towards this runner's termination conditions (the budget
         * is the study's; it can be passed by the trials other workers are still running) and a
         * Terrain generator learns them before each proposal. Off by default.
         */
        public Builder shared(boolean shared) {
            this.shared = shared;
            return this;
        }

        public StudyRunner build() {
            if (executor == null) {
                executor = new LocalTrialExecutor(1);
            }
            if (pruner != Pruner.NONE && !(taskCreator instanceof TerrainTaskCreator)) {
                throw new IllegalArgumentException("pruning needs TerrainTaskCreator, whose tasks report each epoch;"
                        + " got " + taskCreator.getClass().getName());
            }
            return new StudyRunner(this);
        }
    }
}
