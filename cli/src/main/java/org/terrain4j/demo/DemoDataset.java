package org.terrain4j.demo;

import java.nio.file.Path;
import java.util.List;
import org.terrain4j.data.DatasetSplit;
import org.terrain4j.data.Datasets;

/**
 * The datasets the demo can train on, each with the network and training settings that suit
 * it. The Fashion-MNIST settings are those of the benchmarks (DESIGN.md): MLP 784-256-128-10,
 * batch 128, SGD with momentum 0.9, learning rate 0.05.
 */
public enum DemoDataset {
    /** UCI digits 8x8, bundled: the default, trains in seconds. */
    DIGITS(64, 10, List.of(128, 64), 32, 0.05, 40),
    /** Fashion-MNIST from Debian's dataset-fashion-mnist: minutes per run. */
    FASHION(784, 10, List.of(256, 128), 128, 0.05, 20),
    /** Iris, bundled: tiny, for a first look. */
    IRIS(4, 3, List.of(16), 16, 0.05, 100);

    /** The demo's second starting rate on digits and iris: six times the first, where a constant rate is erratic. */
    static final double HIGH_RATE = 0.3;

    private final int features;
    private final int classes;
    private final List<Integer> hiddenLayers;
    private final int batchSize;
    private final double learningRate;
    private final int defaultEpochs;

    DemoDataset(int features, int classes, List<Integer> hiddenLayers, int batchSize, double learningRate,
                int defaultEpochs) {
        this.features = features;
        this.classes = classes;
        this.hiddenLayers = hiddenLayers;
        this.batchSize = batchSize;
        this.learningRate = learningRate;
        this.defaultEpochs = defaultEpochs;
    }

    /** Inputs per example, known without loading the data (a network can be built first). */
    public int features() {
        return features;
    }

    /** Classes. */
    public int classes() {
        return classes;
    }

    /** Whether the split depends on the seed (stratified by seed), or is fixed (Fashion-MNIST's). */
    public boolean splitDependsOnSeed() {
        return this != FASHION;
    }

    /** The name in lower case, as the command line takes it. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Widths of the hidden ReLU layers. */
    public List<Integer> hiddenLayers() {
        return hiddenLayers;
    }

    /** Mini-batch size. */
    public int batchSize() {
        return batchSize;
    }

    /** Starting learning rate. */
    public double learningRate() {
        return learningRate;
    }

    /**
     * The starting rates the demo compares at: the dataset's own rate, then (where runs take
     * seconds) a high one a user could plausibly pick, where the control matters.
     */
    public List<Double> demoRates() {
        return this == FASHION ? List.of(learningRate) : List.of(learningRate, HIGH_RATE);
    }

    /** Epochs the demo trains when the user names no number. */
    public int defaultEpochs() {
        return defaultEpochs;
    }

    /** Loads the data from its default place. */
    public DatasetSplit load(long seed) {
        return switch (this) {
            case DIGITS -> Datasets.digits(seed);
            case FASHION -> Datasets.fashionMnist();
            case IRIS -> Datasets.iris(seed);
        };
    }

    /** Loads the data from a file (digits, iris) or folder (fashion) the user names. */
    public DatasetSplit load(Path data, long seed) {
        return switch (this) {
            case DIGITS -> Datasets.digits(data, seed);
            case FASHION -> Datasets.fashionMnist(data);
            case IRIS -> Datasets.iris(data, seed);
        };
    }
}
