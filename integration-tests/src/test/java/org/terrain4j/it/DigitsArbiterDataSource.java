package org.terrain4j.it;

import java.util.Properties;
import org.deeplearning4j.arbiter.optimize.api.data.DataSource;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.terrain4j.data.DatasetSplit;
import org.terrain4j.data.Datasets;

/**
 * Arbiter data source over the bundled digits: trains on the training split, scores on the
 * validation split. Arbiter creates it by reflection, hence the public no-argument constructor.
 */
public class DigitsArbiterDataSource implements DataSource {

    private static final long serialVersionUID = 1L;

    private int batchSize = 32;
    private long seed = 42;
    private transient DatasetSplit digits;

    @Override
    public void configure(Properties properties) {
        batchSize = Integer.parseInt(properties.getProperty("batchSize", "32"));
        seed = Long.parseLong(properties.getProperty("seed", "42"));
    }

    private DatasetSplit digits() {
        if (digits == null) {
            digits = Datasets.digits(seed);
        }
        return digits;
    }

    @Override
    public DataSetIterator trainData() {
        return digits().trainIterator(batchSize, seed);
    }

    @Override
    public DataSetIterator testData() {
        return digits().validationIterator(batchSize);
    }

    @Override
    public Class<?> getDataType() {
        return DataSetIterator.class;
    }
}
