package org.terrain4j.searchdemo;

import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.deeplearning4j.arbiter.optimize.api.data.DataSource;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.terrain4j.arbiter.TerrainTaskCreator;
import org.terrain4j.data.DatasetSplit;
import org.terrain4j.demo.DemoDataset;

/**
 * Arbiter's view of a demo dataset ({@value #DATASET} property: digits, fashion or iris):
 * training batches of the candidate's size ({@value TerrainTaskCreator#BATCH_SIZE} property) in
 * an order set by the seed, and the validation set to score on. Each split is loaded once per
 * JVM and shared by all candidates (it is read-only): a worker process loads Fashion-MNIST once,
 * not once per trial.
 */
public final class DemoDataSource implements DataSource {

    /** The property naming the dataset ({@link DemoDataset}, any case; digits when absent). */
    public static final String DATASET = "dataset";

    /** The property with the seed of the split and of the batch order. */
    public static final String SEED = "seed";

    private static final long serialVersionUID = 1L;

    private record SplitKey(DemoDataset dataset, long seed) {
    }

    private static final Map<SplitKey, DatasetSplit> SPLITS = new ConcurrentHashMap<>();

    private DemoDataset dataset = DemoDataset.DIGITS;
    private int batchSize = 32;
    private long seed = 42;

    @Override
    public void configure(Properties properties) {
        String name = properties.getProperty(DATASET, DemoDataset.DIGITS.name());
        try {
            dataset = DemoDataset.valueOf(name.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("data source property '" + DATASET + "' is '" + name
                    + "', not digits, fashion or iris", e);
        }
        batchSize = Integer.parseInt(properties.getProperty(TerrainTaskCreator.BATCH_SIZE, "32"));
        seed = Long.parseLong(properties.getProperty(SEED, "42"));
    }

    private DatasetSplit split() {
        // Fashion-MNIST's split is fixed (first 50k / last 10k): one copy serves every seed.
        SplitKey key = new SplitKey(dataset, dataset.splitDependsOnSeed() ? seed : 0);
        return SPLITS.computeIfAbsent(key, k -> k.dataset().load(k.seed()));
    }

    @Override
    public DataSetIterator trainData() {
        return split().trainIterator(batchSize, seed);
    }

    @Override
    public DataSetIterator testData() {
        return split().validationIterator(256);
    }

    @Override
    public Class<?> getDataType() {
        return DataSetIterator.class;
    }
}
