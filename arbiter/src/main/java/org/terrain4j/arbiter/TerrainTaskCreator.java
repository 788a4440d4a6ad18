package org.terrain4j.arbiter;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.deeplearning4j.arbiter.optimize.api.Candidate;
import org.deeplearning4j.arbiter.optimize.api.OptimizationResult;
import org.deeplearning4j.arbiter.optimize.api.TaskCreator;
import org.deeplearning4j.arbiter.optimize.api.data.DataProvider;
import org.deeplearning4j.arbiter.optimize.api.data.DataSource;
import org.deeplearning4j.arbiter.optimize.api.saving.ResultSaver;
import org.deeplearning4j.arbiter.optimize.api.score.ScoreFunction;
import org.deeplearning4j.arbiter.optimize.runner.IOptimizationRunner;
import org.deeplearning4j.arbiter.optimize.runner.listener.StatusListener;

/**
 * Arbiter's task creator for {@link TerrainTrialSpace} searches: every candidate network trains
 * with its schedule and a {@code TerrainListener} configured from the candidate (see
 * {@link TerrainTask}). The candidate's batch size reaches the data as the
 * {@value #BATCH_SIZE} entry: of the data source's properties (a {@code DataSource} reads it
 * in {@code configure}) or of the data parameters (a {@code DataProvider} reads it in
 * {@code trainData}); scoring sees the same. Pass it to {@code LocalOptimizationRunner}:
 * <pre>{@code
 * new LocalOptimizationRunner(2, configuration, new TerrainTaskCreator()).execute();
 * }</pre>
 * Unlike Arbiter's own task creators it does not sleep two seconds after each candidate.
 */
public final class TerrainTaskCreator implements TaskCreator {

    /** The key of the batch size in data-source properties and data parameters. */
    public static final String BATCH_SIZE = "batchSize";

    @Override
    @SuppressWarnings("deprecation")
    public Callable<OptimizationResult> create(Candidate candidate, DataProvider dataProvider,
            ScoreFunction scoreFunction, List<StatusListener> statusListeners, IOptimizationRunner runner) {
        TerrainTask.Data data = providerData(candidate, dataProvider, scoreFunction);
        return new TerrainTask(candidate, data, statusListeners, runner);
    }

    @Override
    public Callable<OptimizationResult> create(Candidate candidate, Class<? extends DataSource> dataSource,
            Properties dataSourceProperties, ScoreFunction scoreFunction, List<StatusListener> statusListeners,
            IOptimizationRunner runner) {
        TerrainTask.Data data = sourceData(dataSource, dataSourceProperties, scoreFunction);
        return new TerrainTask(candidate, data, statusListeners, runner);
    }

    /**
     * A task that trains {@code candidate} outside any optimization runner, as a worker process
     * or a Spark executor does: each epoch is scored and told to {@code reporter}, which may stop
     * it there, and the trained model goes to {@code saver} (none when null). No status listener
     * is told: they live with the runner that sent the candidate.
     */
    public Callable<OptimizationResult> detached(Candidate<?> candidate, Class<? extends DataSource> dataSource,
            Properties dataSourceProperties, ScoreFunction scoreFunction, EpochReporter reporter, ResultSaver saver) {
        TerrainTask.Data data = sourceData(dataSource, dataSourceProperties, scoreFunction);
        return new TerrainTask(candidate, data, reporter, saver);
    }

    /** As {@link #detached(Candidate, Class, Properties, ScoreFunction, EpochReporter, ResultSaver)}, for a {@code DataProvider}. */
    @SuppressWarnings("deprecation")
    public Callable<OptimizationResult> detached(Candidate<?> candidate, DataProvider dataProvider,
            ScoreFunction scoreFunction, EpochReporter reporter, ResultSaver saver) {
        TerrainTask.Data data = providerData(candidate, dataProvider, scoreFunction);
        return new TerrainTask(candidate, data, reporter, saver);
    }

    @SuppressWarnings("deprecation")
    private static TerrainTask.Data providerData(Candidate<?> candidate, DataProvider dataProvider, ScoreFunction scoreFunction) {
        return TerrainTask.data(
                batch -> dataProvider.trainData(withBatch(candidate.getDataParameters(), batch)),
                (model, batch) -> scoreFunction.score(model, dataProvider, withBatch(candidate.getDataParameters(), batch)));
    }

    private static TerrainTask.Data sourceData(Class<? extends DataSource> dataSource, Properties properties,
            ScoreFunction scoreFunction) {
        return TerrainTask.data(
                batch -> newDataSource(dataSource, withBatch(properties, batch)).trainData(),
                (model, batch) -> scoreFunction.score(model, dataSource, withBatch(properties, batch)));
    }

    private static Map<String, Object> withBatch(Map<String, Object> parameters, int batchSize) {
        Map<String, Object> copy = parameters == null ? new HashMap<>() : new HashMap<>(parameters);
        copy.put(BATCH_SIZE, batchSize);
        return copy;
    }

    private static Properties withBatch(Properties properties, int batchSize) {
        Properties copy = new Properties();
        if (properties != null) {
            copy.putAll(properties);
        }
        copy.setProperty(BATCH_SIZE, Integer.toString(batchSize));
        return copy;
    }

    private static DataSource newDataSource(Class<? extends DataSource> type, Properties properties) {
        DataSource source;
        try {
            source = type.getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("data source " + type.getName() + " needs a public no-argument"
                    + " constructor: " + e, e);
        }
        source.configure(properties);
        return source;
    }
}
