package org.terrain4j.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;

class InMemoryDataSetIteratorTest {

    /** Ten samples whose single feature is their index. */
    private static final DataSet DATA = new DataSet(
            Nd4j.arange(10).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT).reshape(10, 1),
            Nd4j.ones(org.nd4j.linalg.api.buffer.DataType.FLOAT, 10, 1));
    private static final List<String> CLASSES = List.of("one");

    @Test
    void everySampleOncePerEpochInBatchesWithAPartialLastOne() {
        DataSetIterator iterator = InMemoryDataSetIterator.shuffled(DATA, CLASSES, 4, 1);

        List<List<Integer>> epoch = epoch(iterator);

        assertThat(epoch).extracting(List::size).containsExactly(4, 4, 2);
        assertThat(epoch.stream().flatMap(List::stream).sorted().toList())
                .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void reshufflesEachEpochReproduciblyBySeed() {
        DataSetIterator a = InMemoryDataSetIterator.shuffled(DATA, CLASSES, 10, 5);
        DataSetIterator b = InMemoryDataSetIterator.shuffled(DATA, CLASSES, 10, 5);

        List<List<Integer>> first = epoch(a);
        a.reset();
        List<List<Integer>> second = epoch(a);

        assertThat(second).isNotEqualTo(first);
        assertThat(epoch(b)).isEqualTo(first);
        b.reset();
        assertThat(epoch(b)).isEqualTo(second);
    }

    @Test
    void orderedIteratorKeepsSampleOrder() {
        DataSetIterator iterator = InMemoryDataSetIterator.ordered(DATA, CLASSES, 3);

        assertThat(epoch(iterator)).containsExactly(List.of(0, 1, 2), List.of(3, 4, 5),
                List.of(6, 7, 8), List.of(9));
        assertThat(iterator.getLabels()).isEqualTo(CLASSES);
    }

    @Test
    void shuffledBatchesKeepEachSampleWholeAndWithItsLabel() {
        INDArray features = Nd4j.create(new float[][] {{0, 100, 200}, {1, 101, 201}, {2, 102, 202}, {3, 103, 203}, {4, 104, 204}});
        INDArray labels = Nd4j.create(new float[][] {{0, -0f}, {1, -1}, {2, -2}, {3, -3}, {4, -4}});
        DataSetIterator iterator = InMemoryDataSetIterator.shuffled(new DataSet(features, labels), List.of("a", "b"), 3, 7);

        int seen = 0;
        while (iterator.hasNext()) {
            DataSet batch = iterator.next();
            for (int row = 0; row < batch.numExamples(); row++) {
                float sample = batch.getFeatures().getFloat(row, 0);
                assertThat(batch.getFeatures().getRow(row).toFloatVector()).containsExactly(sample, 100 + sample, 200 + sample);
                assertThat(batch.getLabels().getRow(row).toFloatVector()).containsExactly(sample, -sample);
                seen++;
            }
        }
        assertThat(seen).isEqualTo(5);
        assertThat(features.getFloat(4, 2)).as("the source is not touched").isEqualTo(204f);
    }

    @Test
    void shuffledBatchesReuseTheirArraysSoAnEpochAllocatesNothingNative() {
        DataSetIterator iterator = InMemoryDataSetIterator.shuffled(DATA, CLASSES, 4, 3);
        List<INDArray> features = new ArrayList<>();
        List<INDArray> labels = new ArrayList<>();
        for (int epoch = 0; epoch < 2; epoch++) {
            while (iterator.hasNext()) {
                DataSet batch = iterator.next();
                features.add(batch.getFeatures());
                labels.add(batch.getLabels());
            }
            iterator.reset();
        }

        // Batches of 4, 4, 2 per epoch: one pair of arrays for the full batches, one for the last.
        assertThat(features).hasSize(6);
        assertThat(features.get(1)).isSameAs(features.get(0));
        assertThat(features.get(3)).isSameAs(features.get(0));
        assertThat(features.get(5)).isSameAs(features.get(2)).isNotSameAs(features.get(0));
        assertThat(labels.get(4)).isSameAs(labels.get(0));
        assertThat(features.get(2).rows()).isEqualTo(2);
    }

    private static List<List<Integer>> epoch(DataSetIterator iterator) {
        List<List<Integer>> batches = new ArrayList<>();
        while (iterator.hasNext()) {
            List<Integer> batch = new ArrayList<>();
            for (double v : iterator.next().getFeatures().toDoubleVector()) {
                batch.add((int) v);
            }
            batches.add(batch);
        }
        return batches;
    }
}
