package org.terrain4j.study.run;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.deeplearning4j.arbiter.optimize.api.Candidate;
import org.deeplearning4j.arbiter.optimize.api.OptimizationResult;
import org.deeplearning4j.arbiter.optimize.api.data.DataProvider;
import org.deeplearning4j.arbiter.optimize.api.data.DataSource;
import org.deeplearning4j.arbiter.optimize.api.score.ScoreFunction;
import org.deeplearning4j.arbiter.optimize.config.OptimizationConfiguration;
import org.deeplearning4j.arbiter.optimize.runner.CandidateInfo;
import org.deeplearning4j.arbiter.optimize.runner.CandidateStatus;
import org.terrain4j.arbiter.TerrainTaskCreator;
import org.terrain4j.study.store.JdbcStudyStore;
import org.terrain4j.study.store.StoreLocation;
import org.terrain4j.study.store.StudyStore;

/**
 * One trial to train in another process (a Spark executor, a worker process): everything that
 * process needs to train the candidate with Terrain's task creator, report its epochs to the
 * study store and keep the best model. Serializable: the candidate's configuration, data
 * source and score function are Arbiter's serializable types.
 */
public final class RemoteTrial implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Candidate<?> candidate;
    private final int trialNumber;
    private final Class<? extends DataSource> dataSource;
    private final Properties dataSourceProperties;
    private final DataProvider dataProvider;
    private final ScoreFunction scoreFunction;
    private final StoreLocation store;
    private final EpochPruning pruning;
    private final String modelFolder;
    private final String study;

    private RemoteTrial(Candidate<?> candidate, StudyRunner runner) {
        OptimizationConfiguration config = runner.getConfiguration();
        this.candidate = candidate;
        this.trialNumber = runner.trialNumber(candidate.getIndex());
        this.dataSource = config.getDataSource();
        this.dataSourceProperties = config.getDataSourceProperties();
        this.dataProvider = config.getDataProvider();
        this.scoreFunction = config.getScoreFunction();
        StoreLocation location = runner.store().location();
        this.store = location.withoutPassword(); // never sent: see connection
        if (location.password() != null) {
            PASSWORDS.put(store, location.password());
        }
        this.pruning = runner.epochPruning();
        this.modelFolder = runner.modelFolder() == null ? null : runner.modelFolder().toAbsolutePath().toString();
        this.study = runner.studyName();
    }

    /** The task for {@code candidate} of {@code runner}'s study. */
    public static RemoteTrial of(Candidate<?> candidate, StudyRunner runner) {
        return new RemoteTrial(candidate, runner);
    }

    /**
     * Trains the candidate here, with a connection of this process to the store.
     *
     * @param where this process, for the records (an executor id, a worker name)
     */
    public TrialOutcome run(String where) {
        try {
            StudyStore connection = connection(store);
            OptimizationConfiguration local = new OptimizationConfiguration();
            if (modelFolder != null) {
                local.setResultSaver(new BestModelSaver(Path.of(modelFolder), study, pruning.direction(), index -> trialNumber,
                        index -> false, null));
            }
            DetachedRunner runner = new DetachedRunner(local, connection, pruning, trialNumber);
            TerrainTaskCreator creator = new TerrainTaskCreator();
            Callable<OptimizationResult> task = dataSource != null
                    ? creator.create(candidate, dataSource, dataSourceProperties, scoreFunction, List.of(), runner)
                    : createWithProvider(creator, runner);
            OptimizationResult result = task.call();
            boolean complete = result.getCandidateInfo() != null
                    && result.getCandidateInfo().getCandidateStatus() == CandidateStatus.Complete;
            return new TrialOutcome(complete, result.getScore(), complete ? null
                    : result.getCandidateInfo() == null ? "no result" : result.getCandidateInfo().getExceptionStackTrace(),
                    runner.prunedReason(), where);
        } catch (Exception | OutOfMemoryError e) {
            return new TrialOutcome(false, null, e.toString(), null, where);
        }
    }

    /** One connection per store and process, opened by the first trial (opening checks the schema). */
    private static final java.util.Map<StoreLocation, StudyStore> CONNECTIONS = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The passwords of the stores this JVM's runners use, by their location without it. A trial
     * carries no password: in the driver's JVM (Spark's local mode) it is found here; a worker
     * process or a Spark executor elsewhere takes it from its environment
     * ({@code TERRAIN_DB_PASSWORD} or {@code PGPASSWORD}; worker processes inherit it from the
     * driver, which sets it for them).
     */
    private static final java.util.Map<StoreLocation, String> PASSWORDS = new java.util.concurrent.ConcurrentHashMap<>();

    private static StudyStore connection(StoreLocation location) {
        return CONNECTIONS.computeIfAbsent(location, l -> {
            String known = PASSWORDS.get(l);
            return JdbcStudyStore.open(known != null ? new StoreLocation(l.kind(), l.jdbcUrl(), l.user(), known)
                    : l.withPasswordFrom(System.getenv()));
        });
    }

    /** The environment a worker process needs for {@code location}: its password, which no trial carries. */
    static java.util.Map<String, String> environmentFor(StoreLocation location) {
        return location.password() == null ? java.util.Map.of() : java.util.Map.of("TERRAIN_DB_PASSWORD", location.password());
    }

    /** The store this trial reports to, without its password. */
    StoreLocation store() {
        return store;
    }

    @SuppressWarnings("deprecation")
    private Callable<OptimizationResult> createWithProvider(TerrainTaskCreator creator, DetachedRunner runner) {
        return creator.create(candidate, dataProvider, scoreFunction, List.of(), runner);
    }

    /** The trial's number in its study. */
    public int trialNumber() {
        return trialNumber;
    }

    /**
     * The runner's result for {@code candidate} from what the other process sent back; a pruned
     * trial is marked so in {@code runner}.
     */
    public static OptimizationResult result(StudyRunner runner, Candidate<?> candidate, TrialOutcome outcome, long start) {
        if (outcome.prunedReason() != null) {
            runner.markPruned(candidate.getIndex(), outcome.prunedReason());
        }
        CandidateInfo info = new CandidateInfo(candidate.getIndex(),
                outcome.complete() ? CandidateStatus.Complete : CandidateStatus.Failed, outcome.score(), start, start,
                System.currentTimeMillis(), candidate.getFlatParameters(),
                outcome.failure() == null ? null : outcome.failure() + " (" + outcome.where() + ")");
        return new OptimizationResult(candidate, outcome.score(), candidate.getIndex(), null, info, null);
    }
}
