package org.terrain4j.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Fashion-MNIST (Xiao, Rasul and Vollgraf 2017, MIT licence) from the four IDX {@code .gz}
 * files in a folder, by default Debian's {@code dataset-fashion-mnist} package.
 *
 * <p>Split, fixed and independent of any seed: the first 50,000 training images train, the
 * last 10,000 training images validate, and the 10,000 {@code t10k} images test. Pixels are
 * scaled to [0, 1]; features are the 784 pixels of each 28x28 image, row by row.
 */
final class FashionMnist {

    /** Environment variable that overrides the default folder. */
    static final String FOLDER_VARIABLE = "TERRAIN_FASHION_MNIST_DIR";
    /** Where Debian's {@code dataset-fashion-mnist} installs the files. */
    static final Path DEBIAN_FOLDER = Path.of("/usr/share/datasets/fashion-mnist");

    static final int TRAIN_SIZE = 50_000;
    static final int IMAGE_PIXELS = 28 * 28;
    private static final int FILE_TRAIN_IMAGES = 60_000;
    private static final int FILE_TEST_IMAGES = 10_000;
    private static final List<String> CLASSES = List.of("T-shirt/top", "Trouser", "Pullover",
            "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");
    private static final int NUM_CLASSES = 10;

    private FashionMnist() {
    }

    /** The folder to read when the user names none: the environment variable, else Debian's. */
    static Path defaultFolder(Map<String, String> environment) {
        String configured = environment.get(FOLDER_VARIABLE);
        return configured == null || configured.isBlank() ? DEBIAN_FOLDER : Path.of(configured);
    }

    static DatasetSplit load(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new DataLoadException(folder.toString(), "Fashion-MNIST folder not found; install "
                    + "Debian's package (apt-get install dataset-fashion-mnist) or point --data or "
                    + FOLDER_VARIABLE + " at a folder with the four IDX .gz files");
        }
        DataSet train = read(folder, "train", FILE_TRAIN_IMAGES);
        DataSet test = read(folder, "t10k", FILE_TEST_IMAGES);
        int n = FILE_TRAIN_IMAGES;
        return new DatasetSplit("fashion",
                new DataSet(train.getFeatures().get(rows(0, TRAIN_SIZE)).dup(),
                        train.getLabels().get(rows(0, TRAIN_SIZE)).dup()),
                new DataSet(train.getFeatures().get(rows(TRAIN_SIZE, n)).dup(),
                        train.getLabels().get(rows(TRAIN_SIZE, n)).dup()),
                test, IMAGE_PIXELS, CLASSES,
                "first 50,000 training images / last 10,000 training images / 10,000 t10k images");
    }

    private static INDArrayIndex[] rows(int from, int to) {
        return new INDArrayIndex[] {NDArrayIndex.interval(from, to), NDArrayIndex.all()};
    }

    private static DataSet read(Path folder, String prefix, int count) {
        byte[] pixels = IdxReader.read(DataSource.file(folder.resolve(prefix + "-images-idx3-ubyte.gz")),
                count, 28, 28);
        DataSource labelFile = DataSource.file(folder.resolve(prefix + "-labels-idx1-ubyte.gz"));
        byte[] labels = IdxReader.read(labelFile, count);
        float[] features = new float[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            features[i] = (pixels[i] & 0xff) / 255f;
        }
        float[] oneHot = new float[count * NUM_CLASSES];
        for (int i = 0; i < count; i++) {
            int label = labels[i] & 0xff;
            if (label >= NUM_CLASSES) {
                throw new DataLoadException(labelFile.name(), "label " + label + " of sample " + i
                        + " is not a class in [0, " + (NUM_CLASSES - 1) + "]");
            }
            oneHot[i * NUM_CLASSES + label] = 1f;
        }
        return new DataSet(Nd4j.create(features, new long[] {count, IMAGE_PIXELS}, 'c'),
                Nd4j.create(oneHot, new long[] {count, NUM_CLASSES}, 'c'));
    }
}
