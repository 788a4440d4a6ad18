package org.terrain4j.spark;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.spark.SparkEnv;
import org.deeplearning4j.arbiter.optimize.api.Candidate;
import org.deeplearning4j.arbiter.optimize.api.OptimizationResult;
import org.deeplearning4j.arbiter.optimize.api.data.DataProvider;
import org.deeplearning4j.arbiter.optimize.api.data.DataSource;
import org.deeplearning4j.arbiter.optimize.api.score.ScoreFunction;
import org.deeplearning4j.arbiter.optimize.config.OptimizationConfiguration;
import org.deeplearning4j.arbiter.optimize.runner.CandidateStatus;
import org.terrain4j.arbiter.TerrainTaskCreator;
import org.terrain4j.study.run.BestModelSaver;
import org.terrain4j.study.run.EpochPruning;
import org.terrain4j.study.run.StudyRunner;
import org.terrain4j.study.store.Direction;
import org.terrain4j.study.store.JdbcStudyStore;
import org.terrain4j.study.store.StoreLocation;
import org.terrain4j.study.store.StudyStore;

/**
 * One trial as a Spark task: everything an executor needs to train the candidate with
 * Terrain's task creator, report its epochs to the study store and keep the best model
 * (serializable; the candidate's configuration, data source and score function are Arbiter's
 * serializable types).
 */
final class SparkTrial implements Serializable {

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

    private SparkTrial(Candidate<?> candidate, StudyRunner runner) {
        OptimizationConfiguration config = runner.getConfiguration();
        this.candidate = candidate;
        this.trialNumber = runner.trialNumber(candidate.getIndex());
        this.dataSource = config.getDataSource();
        this.dataSourceProperties = config.getDataSourceProperties();
        this.dataProvider = config.getDataProvider();
        this.scoreFunction = config.getScoreFunction();
        this.store = runner.store().location();
        this.pruning = runner.epochPruning();
        this.modelFolder = runner.modelFolder() == null ? null : runner.modelFolder().toAbsolutePath().toString();
    }

    /** The task for {@code candidate} of {@code runner}'s study. */
    static SparkTrial of(Candidate<?> candidate, StudyRunner runner) {
        return new SparkTrial(candidate, runner);
    }

    /** Trains the candidate on this executor. */
    TrialOutcome run() {
        String executor = SparkEnv.get() == null ? "driver" : SparkEnv.get().executorId();
        try (StudyStore connection = JdbcStudyStore.open(store)) {
            OptimizationConfiguration local = new OptimizationConfiguration();
            if (modelFolder != null) {
                local.setResultSaver(new BestModelSaver(Path.of(modelFolder), pruning.direction(), index -> trialNumber,
                        index -> false, null));
            }
            ExecutorSideRunner runner = new ExecutorSideRunner(local, connection, pruning, trialNumber);
            TerrainTaskCreator creator = new TerrainTaskCreator();
            Callable<OptimizationResult> task = dataSource != null
                    ? creator.create(candidate, dataSource, dataSourceProperties, scoreFunction, List.of(), runner)
                    : createWithProvider(creator, runner);
            OptimizationResult result = task.call();
            boolean complete = result.getCandidateInfo() != null
                    && result.getCandidateInfo().getCandidateStatus() == CandidateStatus.Complete;
            return new TrialOutcome(complete, result.getScore(), complete ? null
                    : result.getCandidateInfo() == null ? "no result" : result.getCandidateInfo().getExceptionStackTrace(),
                    runner.prunedReason(), executor);
        } catch (Exception | OutOfMemoryError e) {
            return new TrialOutcome(false, null, e.toString(), null, executor);
        }
    }

    @SuppressWarnings("deprecation")
    private Callable<OptimizationResult> createWithProvider(TerrainTaskCreator creator, ExecutorSideRunner runner) {
        return creator.create(candidate, dataProvider, scoreFunction, List.of(), runner);
    }

    /** Whether lower scores are better. */
    Direction direction() {
        return pruning.direction();
    }
}
