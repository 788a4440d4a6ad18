package org.terrain4j.bench;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.terrain4j.data.DatasetSplit;
import org.terrain4j.data.Datasets;

/**
 * The data of the learning-rate control benchmark: the bundled digits (split by seed 1) and a
 * subset of Fashion-MNIST (the first 8000 training and 4000 validation images of the fixed
 * split), flat, as images or as sequences of rows. Loaded once per JVM.
 */
enum ControlData {
    DIGITS(8, 8, false),
    DIGITS_IMAGES(8, 8, false),
    FASHION(28, 28, false),
    FASHION_IMAGES(28, 28, false),
    FASHION_ROWS(28, 28, true);

    /** Sizes a network needs. */
    record Shape(int height, int width, int classes) {
        int features() {
            return height * width;
        }
    }

    private static final int FASHION_TRAIN = 8000;
    private static final int FASHION_VALIDATION = 4000;
    private static DatasetSplit digits;
    private static DatasetSplit fashion;

    private final int height;
    private final int width;
    private final boolean rows;

    ControlData(int height, int width, boolean rows) {
        this.height = height;
        this.width = width;
        this.rows = rows;
    }

    Shape shape() {
        return new Shape(height, width, 10);
    }

    DataSet train() {
        return shaped(height == 8 ? digits().train() : first(fashion().train(), FASHION_TRAIN));
    }

    DataSet validation() {
        return shaped(height == 8 ? digits().validation() : first(fashion().validation(), FASHION_VALIDATION));
    }

    private DataSet shaped(DataSet flat) {
        if (!rows) {
            return flat;
        }
        // [n, 784] row-major pixels -> [n, 28 features (columns), 28 time steps (rows)]
        INDArray sequences = flat.getFeatures().reshape('c', flat.numExamples(), height, width).permute(0, 2, 1).dup('c');
        return new DataSet(sequences, flat.getLabels());
    }

    private static DataSet first(DataSet all, int n) {
        return new DataSet(all.getFeatures().get(NDArrayIndex.interval(0, n), NDArrayIndex.all()).dup(),
                all.getLabels().get(NDArrayIndex.interval(0, n), NDArrayIndex.all()).dup());
    }

    private static synchronized DatasetSplit digits() {
        if (digits == null) {
            digits = Datasets.digits(1);
        }
        return digits;
    }

    private static synchronized DatasetSplit fashion() {
        if (fashion == null) {
            fashion = Datasets.fashionMnist();
        }
        return fashion;
    }
}
