package org.terrain4j.study.testing;

import java.util.Properties;
import java.util.Random;
import org.deeplearning4j.arbiter.optimize.api.data.DataSource;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Three overlapping Gaussian blobs in 4-D, 240 training and 120 validation examples from a fixed
 * seed: a real classification problem that a DL4J network learns in milliseconds per epoch,
 * and on which a bad learning rate is visibly worse. Reads the candidate's batch size.
 */
public final class BlobsDataSource implements DataSource {

    private static final long serialVersionUID = 1L;
    /** A property: the batch size whose training data cannot be read (an I/O failure inside a trial). */
    public static final String BROKEN_BATCH_SIZE = "brokenBatchSize";

    private int batchSize = 16;
    private int broken = -1;

    @Override
    public void configure(Properties properties) {
        batchSize = Integer.parseInt(properties.getProperty("batchSize", "16"));
        broken = Integer.parseInt(properties.getProperty(BROKEN_BATCH_SIZE, "-1"));
    }

    static DataSet blobs(int n, long seed) {
        Random random = new Random(seed);
        double[][] features = new double[n][4];
        double[][] labels = new double[n][3];
        for (int i = 0; i < n; i++) {
            int c = i % 3;
            for (int d = 0; d < 4; d++) {
                features[i][d] = (d == c ? 2.0 : 0.0) + random.nextGaussian();
            }
            labels[i][c] = 1;
        }
        return new DataSet(Nd4j.create(features), Nd4j.create(labels));
    }

    @Override
    public DataSetIterator trainData() {
        if (batchSize == broken) {
            throw new java.io.UncheckedIOException(new java.io.IOException("blobs-" + batchSize + ".bin: disk read error"));
        }
        return new ListDataSetIterator<>(blobs(240, 1).asList(), batchSize);
    }

    @Override
    public DataSetIterator testData() {
        return new ListDataSetIterator<>(blobs(120, 2).asList(), 120);
    }

    @Override
    public Class<?> getDataType() {
        return DataSetIterator.class;
    }
}
