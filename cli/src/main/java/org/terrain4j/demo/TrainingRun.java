package org.terrain4j.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.terrain4j.data.DatasetSplit;

/**
 * Trains a network epoch by epoch, evaluates it on the validation set after each epoch and on
 * the test set at the end. The network's own listeners (a Terrain listener, say) stay
 * attached; the run adds one of its own for progress and removes it afterwards.
 */
public final class TrainingRun {

    private final DatasetSplit data;
    private final int batchSize;
    private final long seed;

    /**
     * @param data the dataset
     * @param batchSize mini-batch size for training and evaluation
     * @param seed seed of the training batch order
     */
    public TrainingRun(DatasetSplit data, int batchSize, long seed) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batchSize must be positive, got " + batchSize);
        }
        this.data = data;
        this.batchSize = batchSize;
        this.seed = seed;
    }

    /**
     * Trains {@code network} for {@code epochs} epochs.
     *
     * @param name label of the run in reports
     * @param network an initialised network; it is trained in place
     * @param epochs number of epochs, at least 1
     * @param progress receives progress as training goes
     * @param explainedChanges the run's learning-rate controller's own account of its changes,
     *                         read after training
     */
    public RunResult train(String name, MultiLayerNetwork network, int epochs,
                           TrainingProgress progress, ChangeLog explainedChanges) {
        if (epochs <= 0) {
            throw new IllegalArgumentException("epochs must be positive, got " + epochs);
        }
        long started = System.nanoTime();
        DataSetIterator train = data.trainIterator(batchSize, seed);
        long batchesPerEpoch = (data.train().numExamples() + batchSize - 1) / batchSize;
        ProgressListener listener = new ProgressListener(progress);
        network.addListeners(listener);
        List<EpochRecord> records = new ArrayList<>();
        progress.start(name, batchesPerEpoch * epochs);
        try {
            for (int epoch = 1; epoch <= epochs; epoch++) {
                train.reset();
                listener.startEpoch();
                network.fit(train);
                EpochRecord record = evaluate(network, epoch, listener.meanLoss());
                records.add(record);
                progress.epochEnd(record);
            }
        } finally {
            progress.finish();
            network.getListeners().remove(listener);
        }
        double testAccuracy = network.evaluate(data.testIterator(batchSize)).accuracy();
        return new RunResult(name, records, testAccuracy, explainedChanges.changes(),
                Duration.ofNanos(System.nanoTime() - started));
    }

    private EpochRecord evaluate(MultiLayerNetwork network, int epoch, double trainLoss) {
        double validationAccuracy = network.evaluate(data.validationIterator(batchSize)).accuracy();
        double validationLoss = network.score(data.validation());
        Double rate = network.getLearningRate(0);
        return new EpochRecord(epoch, trainLoss, validationLoss, validationAccuracy,
                rate == null ? Double.NaN : rate);
    }

    /** The learning-rate changes a controller explains, read once training is over. */
    @FunctionalInterface
    public interface ChangeLog {
        /** No controller: changes, if any, come from the configured schedule. */
        ChangeLog NONE = List::of;

        /** The changes with their reasons. */
        List<LearningRateChange> changes();
    }

    /** Forwards each iteration's score to the progress sink and averages it per epoch. */
    private static final class ProgressListener extends BaseTrainingListener {
        private final TrainingProgress progress;
        private double lossSum;
        private long count;

        ProgressListener(TrainingProgress progress) {
            this.progress = progress;
        }

        void startEpoch() {
            lossSum = 0;
            count = 0;
        }

        double meanLoss() {
            return count == 0 ? Double.NaN : lossSum / count;
        }

        @Override
        public void iterationDone(Model model, int iteration, int epoch) {
            double loss = model.score();
            lossSum += loss;
            count++;
            progress.iteration(loss);
        }
    }
}
