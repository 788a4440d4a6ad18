package org.terrain4j.data;

import java.util.List;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/**
 * A dataset cut into train, validation and test sets, held in memory as float32 arrays with
 * one-hot labels.
 *
 * @param name short name, e.g. {@code digits}
 * @param train samples to train on
 * @param validation samples to select and steer on (plateau detection, early stopping)
 * @param test samples to report final accuracy on, never used for decisions
 * @param numFeatures features per sample
 * @param classNames the name of each class, in label order
 * @param splitDescription how the split was made, for reports
 */
public record DatasetSplit(String name, DataSet train, DataSet validation, DataSet test,
                           int numFeatures, List<String> classNames, String splitDescription) {

    /** Copies the class names. */
    public DatasetSplit {
        classNames = List.copyOf(classNames);
    }

    /** Number of classes. */
    public int numClasses() {
        return classNames.size();
    }

    /**
     * Mini-batches of the training set in a new seeded order every epoch (each
     * {@code reset()}); the same seed gives the same batches. Batches are gathered into reused
     * arrays: a batch is valid until the next {@code next()}, as {@code fit} uses it; {@code dup()}
     * what you keep longer.
     */
    public DataSetIterator trainIterator(int batchSize, long seed) {
        return InMemoryDataSetIterator.shuffled(train, classNames, batchSize, seed);
    }

    /** Mini-batches of the validation set, in a fixed order. */
    public DataSetIterator validationIterator(int batchSize) {
        return InMemoryDataSetIterator.ordered(validation, classNames, batchSize);
    }

    /** Mini-batches of the test set, in a fixed order. */
    public DataSetIterator testIterator(int batchSize) {
        return InMemoryDataSetIterator.ordered(test, classNames, batchSize);
    }

    /** Number of samples in train, validation and test, in that order. */
    public int[] sizes() {
        return new int[] {train.numExamples(), validation.numExamples(), test.numExamples()};
    }
}
