package org.terrain4j.searchdemo;

import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.deeplearning4j.arbiter.optimize.api.data.DataSource;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.terrain4j.arbiter.TerrainTaskCreator;
import org.terrain4j.data.Datasets;
import org.terrain4j.data.DatasetSplit;

/**
 * Arbiter's view of the bundled digits data: training batches of the candidate's size
 * ({@value TerrainTaskCreator#BATCH_SIZE} property) and the validation set to score on. The split
 * is loaded once per seed and shared by all candidates (it is read-only).
 */
public final class DigitsDataSource implements DataSource {

    /** The property with the seed of the split and of the batch order. */
    public static final String SEED = "seed";

    private static final long serialVersionUID = 1L;
    private static final Map<Long, DatasetSplit> SPLITS = new ConcurrentHashMap<>();

    private int batchSize = 32;
    private long seed = 42;

    @Override
    public void configure(Properties properties) {
        batchSize = Integer.parseInt(properties.getProperty(TerrainTaskCreator.BATCH_SIZE, "32"));
        seed = Long.parseLong(properties.getProperty(SEED, "42"));
    }

    private DatasetSplit digits() {
        return SPLITS.computeIfAbsent(seed, Datasets::digits);
    }

    @Override
    public DataSetIterator trainData() {
        return digits().trainIterator(batchSize, seed);
    }

    @Override
    public DataSetIterator testData() {
        return digits().validationIterator(256);
    }

    @Override
    public Class<?> getDataType() {
        return DataSetIterator.class;
    }
}
