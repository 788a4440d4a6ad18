package org.terrain4j.data;

import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Mini-batches of an in-memory {@link DataSet}. A shuffled iterator draws a new permutation
 * from its own seeded {@link Random} at construction and at every {@link #reset()}, so epoch
 * k of two iterators with the same seed sees the same batches; an ordered one yields
 * contiguous views in sample order. DL4J's list iterators never reshuffle between epochs,
 * which is why this class exists.
 *
 * <p>A shuffled iterator gathers every batch into the same two arrays (one more pair for a
 * batch of another size, such as the last of an epoch): <b>a batch's arrays are valid until the
 * next call to {@code next}</b>, as DL4J's {@code fit} uses them. Copy ({@code dup()}) what you
 * keep longer. A new pair of native arrays per batch was freed only when the garbage collector
 * got to their Java objects, which were promoted to the old generation before they died:
 * about one copy of the training set of native memory per epoch, never given back, 12 GB
 * after 40 two-epoch Fashion-MNIST trials in one JVM.
 */
final class InMemoryDataSetIterator implements DataSetIterator {

    private static final long serialVersionUID = 1L;

    private final DataSet data;
    private final List<String> classNames;
    private final int batchSize;
    private final Random random;
    private int[] order;
    private int cursor;
    /** The arrays batches of the iterator's batch size are gathered into; null until the first. */
    private DataSet fullBatch;
    /** The arrays for a batch of any other size (the last of an epoch); replaced when the size changes. */
    private DataSet otherBatch;
    private DataSetPreProcessor preProcessor;

    private InMemoryDataSetIterator(DataSet data, List<String> classNames, int batchSize,
                                    Random random) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batchSize must be positive, got " + batchSize);
        }
        this.data = data;
        this.classNames = classNames;
        this.batchSize = batchSize;
        this.random = random;
        reset();
    }

    static InMemoryDataSetIterator shuffled(DataSet data, List<String> classNames, int batchSize,
                                            long seed) {
        return new InMemoryDataSetIterator(data, classNames, batchSize, new Random(seed));
    }

    static InMemoryDataSetIterator ordered(DataSet data, List<String> classNames, int batchSize) {
        return new InMemoryDataSetIterator(data, classNames, batchSize, null);
    }

    @Override
    public DataSet next(int num) {
        if (!hasNext()) {
            throw new NoSuchElementException("no more batches this epoch; call reset()");
        }
        int end = Math.min(cursor + num, data.numExamples());
        DataSet batch = order == null ? contiguous(cursor, end) : gathered(cursor, end);
        cursor = end;
        if (preProcessor != null) {
            preProcessor.preProcess(batch);
        }
        return batch;
    }

    private DataSet contiguous(int from, int to) {
        return new DataSet(rows(data.getFeatures(), from, to), rows(data.getLabels(), from, to));
    }

    private static INDArray rows(INDArray array, int from, int to) {
        return array.get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
    }

    /**
     * One native gather per array. {@code INDArray.getRows} builds a view and its shape
     * information per row: a third of all allocation of a small network's training, and the
     * garbage collector's and ND4J's deallocator threads' work with it.
     */
    private DataSet gathered(int from, int to) {
        int[] indices = Arrays.copyOfRange(order, from, to);
        DataSet into = buffersFor(indices.length);
        Nd4j.pullRows(data.getFeatures(), into.getFeatures(), 1, indices);
        Nd4j.pullRows(data.getLabels(), into.getLabels(), 1, indices);
        return new DataSet(into.getFeatures(), into.getLabels()); // a new holder: a pre-processor may replace its arrays
    }

    private DataSet buffersFor(int rows) {
        if (rows == batchSize) {
            if (fullBatch == null) {
                fullBatch = newBuffers(rows);
            }
            return fullBatch;
        }
        if (otherBatch == null || otherBatch.getFeatures().rows() != rows) {
            otherBatch = newBuffers(rows);
        }
        return otherBatch;
    }

    private DataSet newBuffers(int rows) {
        return new DataSet(Nd4j.create(data.getFeatures().dataType(), rows, data.getFeatures().size(1)),
                Nd4j.create(data.getLabels().dataType(), rows, data.getLabels().size(1)));
    }

    @Override
    public DataSet next() {
        return next(batchSize);
    }

    @Override
    public boolean hasNext() {
        return cursor < data.numExamples();
    }

    @Override
    public void reset() {
        cursor = 0;
        if (random != null) {
            order = permutation(data.numExamples(), random);
        }
    }

    /** Fisher-Yates shuffle of 0..n-1. */
    static int[] permutation(int n, Random random) {
        int[] result = new int[n];
        for (int i = 0; i < n; i++) {
            result[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = result[i];
            result[i] = result[j];
            result[j] = swap;
        }
        return result;
    }

    @Override
    public int inputColumns() {
        return (int) data.getFeatures().size(1);
    }

    @Override
    public int totalOutcomes() {
        return (int) data.getLabels().size(1);
    }

    @Override
    public boolean resetSupported() {
        return true;
    }

    /** No: batches are views or gathers of memory already loaded; prefetching buys nothing. */
    @Override
    public boolean asyncSupported() {
        return false;
    }

    @Override
    public int batch() {
        return batchSize;
    }

    @Override
    public void setPreProcessor(DataSetPreProcessor preProcessor) {
        this.preProcessor = preProcessor;
    }

    @Override
    public DataSetPreProcessor getPreProcessor() {
        return preProcessor;
    }

    @Override
    public List<String> getLabels() {
        return classNames;
    }
}
