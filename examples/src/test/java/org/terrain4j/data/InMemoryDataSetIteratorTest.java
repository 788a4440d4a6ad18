package org.terrain4j.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
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
