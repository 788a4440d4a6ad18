package org.terrain4j.study.run;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.deeplearning4j.arbiter.optimize.api.Candidate;
import org.deeplearning4j.arbiter.optimize.api.OptimizationResult;
import org.deeplearning4j.arbiter.optimize.api.data.DataProvider;
import org.deeplearning4j.arbiter.optimize.api.data.DataSource;
import org.deeplearning4j.arbiter.optimize.api.score.ScoreFunction;
import org.deeplearning4j.arbiter.optimize.config.OptimizationConfiguration;
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

    private static final long serialVersionUID = 2L;

    private final Candidate<?> candidate;
    private final int trialNumber;
    private final Class<? extends DataSource> dataSource;
    private final Properties dataSourceProperties;
    private final DataProvider dataProvider;
    private final ScoreFunction scoreFunction;
    private final StoreLocation store;
    private final EpochPruning pruning;
    private final String modelFolder;

    /**
     * @param candidate the candidate
     * @param trialNumber its trial number
     * @param config the search's configuration: its data and score function
     * @param location the store's location (its password stays in this JVM)
     * @param pruning the per-epoch recording and pruning of the study
     * @param modelFolder the best model's folder, or null
     */
    RemoteTrial(Candidate<?> candidate, int trialNumber, OptimizationConfiguration config, StoreLocation location,
            EpochPruning pruning, Path modelFolder) {
        this.candidate = candidate;
        this.trialNumber = trialNumber;
        this.dataSource = config.getDataSource();
        this.dataSourceProperties = config.getDataSourceProperties();
        this.dataProvider = config.getDataProvider();
        this.scoreFunction = config.getScoreFunction();
        this.store = location.withoutPassword(); // never sent: see connection
        if (location.password() != null) {
            PASSWORDS.put(store, location.password());
        }
        this.pruning = pruning;
        this.modelFolder = modelFolder == null ? null : modelFolder.toAbsolutePath().toString();
    }

    /**
     * Trains the candidate here, with a connection of this process to the store.
     *
     * @param where this process, for the records (an executor id, a worker name)
     */
    public TrialOutcome run(String where) {
        try {
            StoreEpochReporter reporter = new StoreEpochReporter(connection(store), pruning, trialNumber);
            BestModelSaver saver = modelFolder == null ? null : new BestModelSaver(Path.of(modelFolder), pruning.study(),
                    pruning.direction(), index -> trialNumber, index -> false, null);
            TerrainTaskCreator creator = new TerrainTaskCreator();
            Callable<OptimizationResult> task = dataSource != null
                    ? creator.detached(candidate, dataSource, dataSourceProperties, scoreFunction, reporter, saver)
                    : createWithProvider(creator, reporter, saver);
            OptimizationResult result = task.call();
            boolean complete = result.getCandidateInfo() != null
                    && result.getCandidateInfo().getCandidateStatus() == CandidateStatus.Complete;
            return new TrialOutcome(complete, result.getScore(), complete ? null
                    : result.getCandidateInfo() == null ? "no result" : result.getCandidateInfo().getExceptionStackTrace(),
                    reporter.prunedReason(), where);
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
    private Callable<OptimizationResult> createWithProvider(TerrainTaskCreator creator, StoreEpochReporter reporter,
            BestModelSaver saver) {
        return creator.detached(candidate, dataProvider, scoreFunction, reporter, saver);
    }

    /** The trial's number in its study. */
    public int trialNumber() {
        return trialNumber;
    }
}
