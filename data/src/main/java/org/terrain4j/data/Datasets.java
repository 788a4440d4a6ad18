package org.terrain4j.data;

import java.nio.file.Path;

/**
 * Loads the offline datasets. Each method reads everything eagerly and checks it, so a bad
 * file fails here with a {@link DataLoadException}, never later inside {@code fit()}.
 *
 * <pre>{@code
 * DatasetSplit digits = Datasets.digits(42);
 * net.fit(digits.trainIterator(32, 42));
 * }</pre>
 */
public final class Datasets {

    private Datasets() {
    }

    /** The bundled UCI digits, split stratified 60/20/20 by {@code seed}. */
    public static DatasetSplit digits(long seed) {
        return Digits.load(DataSource.bundled(Digits.RESOURCE), seed);
    }

    /** UCI digits from a CSV file (gzipped if the name ends in {@code .gz}) in scikit-learn's layout. */
    public static DatasetSplit digits(Path csv, long seed) {
        return Digits.load(DataSource.file(csv), seed);
    }

    /** The bundled iris data, split stratified 60/20/20 by {@code seed}. */
    public static DatasetSplit iris(long seed) {
        return Iris.load(DataSource.bundled(Iris.RESOURCE), seed);
    }

    /** Iris from a CSV file in scikit-learn's layout. */
    public static DatasetSplit iris(Path csv, long seed) {
        return Iris.load(DataSource.file(csv), seed);
    }

    /**
     * UCI letter recognition from a CSV file: a header line, then 16 features in [0, 15] and the
     * class index (0 for A) per row, 20000 rows. Not bundled; {@code benchmarks/run} makes the
     * file from Debian's r-cran-mlbench. Fixed split: rows 1-10000 train, 16001-20000 validate.
     */
    public static DatasetSplit letters(Path csv) {
        return Letters.load(DataSource.file(csv));
    }

    /**
     * Fashion-MNIST from {@link #defaultFashionMnistFolder()}. The split is fixed (first 50k /
     * last 10k of the training file, t10k as test); shuffle training batches by seed instead.
     */
    public static DatasetSplit fashionMnist() {
        return FashionMnist.load(defaultFashionMnistFolder());
    }

    /** Fashion-MNIST from a folder holding the four {@code *-idx?-ubyte.gz} files. */
    public static DatasetSplit fashionMnist(Path folder) {
        return FashionMnist.load(folder);
    }

    /**
     * {@code $TERRAIN_FASHION_MNIST_DIR} when set, else {@code /usr/share/datasets/fashion-mnist}
     * where Debian's {@code dataset-fashion-mnist} package puts the files.
     */
    public static Path defaultFashionMnistFolder() {
        return FashionMnist.defaultFolder(System.getenv());
    }
}
