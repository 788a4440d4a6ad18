package org.terrain4j.bench;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.terrain4j.data.DatasetSplit;
import org.terrain4j.data.Datasets;

/**
 * The data of the learning-rate control benchmark: the bundled digits (split by seed 1), UCI's
 * letter recognition (16 integer features of 20000 letter images, 26 classes: the first 10000 to
 * train, UCI's last 4000 to validate; {@code Datasets.letters}, the file named by the system property
 * {@value #LETTERS_PROPERTY}, which {@code benchmarks/run} makes from Debian's r-cran-mlbench) and a
 * subset of Fashion-MNIST (the first 6000 training and 3000 validation images of the fixed
 * split), flat, or shrunk to 14x14 (2x2 means) as images or as sequences of rows, so that a
 * convolutional or recurrent run takes seconds. Loaded once per JVM.
 */
enum ControlData {
    DIGITS(8, 8, false),
    DIGITS_IMAGES(8, 8, false),
    LETTERS(1, 16, false),
    FASHION(28, 28, false),
    FASHION_IMAGES(14, 14, false),
    FASHION_ROWS(14, 14, true);

    /** Sizes a network needs. */
    record Shape(int height, int width, int classes) {
        int features() {
            return height * width;
        }
    }

    /** The system property naming the letters CSV. */
    static final String LETTERS_PROPERTY = "terrain.letters";
    private static final int FASHION_TRAIN = 6000;
    private static final int FASHION_VALIDATION = 3000;
    private static DatasetSplit digits;
    private static DatasetSplit fashion;
    private static DatasetSplit letters;

    private final int height;
    private final int width;
    private final boolean rows;

    ControlData(int height, int width, boolean rows) {
        this.height = height;
        this.width = width;
        this.rows = rows;
    }

    Shape shape() {
        return new Shape(height, width, this == LETTERS ? letters().numClasses() : 10);
    }

    DataSet train() {
        return switch (this) {
            case DIGITS, DIGITS_IMAGES -> digits().train();
            case LETTERS -> letters().train();
            default -> shaped(first(fashion().train(), FASHION_TRAIN));
        };
    }

    DataSet validation() {
        return switch (this) {
            case DIGITS, DIGITS_IMAGES -> digits().validation();
            case LETTERS -> letters().validation();
            default -> shaped(first(fashion().validation(), FASHION_VALIDATION));
        };
    }

    private DataSet shaped(DataSet full) {
        int n = full.numExamples();
        INDArray pixels = full.getFeatures();
        if (height == 14) {
            // 2x2 means of the 28x28 image, row-major
            pixels = pixels.reshape('c', n, 14, 2, 14, 2).mean(2, 4).reshape('c', n, 14 * 14);
        }
        if (!rows) {
            return new DataSet(pixels, full.getLabels());
        }
        // [n, h * w] row-major pixels -> [n, w features (columns), h time steps (rows)]
        INDArray sequences = pixels.reshape('c', n, height, width).permute(0, 2, 1).dup('c');
        return new DataSet(sequences, full.getLabels());
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

    private static synchronized DatasetSplit letters() {
        if (letters == null) {
            String file = System.getProperty(LETTERS_PROPERTY);
            if (file == null) {
                throw new IllegalStateException("the letters workload needs -D" + LETTERS_PROPERTY
                        + "=FILE (benchmarks/run learning-rate-control makes it from Debian's r-cran-mlbench)");
            }
            letters = Datasets.letters(java.nio.file.Path.of(file));
        }
        return letters;
    }

    private static synchronized DatasetSplit fashion() {
        if (fashion == null) {
            fashion = Datasets.fashionMnist();
        }
        return fashion;
    }
}
