package org.terrain4j.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.terrain4j.data.DatasetSplit;

class DemoDatasetTest {

    @Test
    void theDeclaredShapeIsTheShapeOfTheBundledData() {
        for (DemoDataset dataset : new DemoDataset[] {DemoDataset.DIGITS, DemoDataset.IRIS}) {
            DatasetSplit split = dataset.load(7);

            assertThat(dataset.features()).as(dataset.label()).isEqualTo(split.numFeatures());
            assertThat(dataset.classes()).as(dataset.label()).isEqualTo(split.numClasses());
        }
    }

    @Test
    void onlyFashionMnistHasAFixedSplit() {
        assertThat(DemoDataset.DIGITS.splitDependsOnSeed()).isTrue();
        assertThat(DemoDataset.IRIS.splitDependsOnSeed()).isTrue();
        assertThat(DemoDataset.FASHION.splitDependsOnSeed()).isFalse();
        assertThat(DemoDataset.FASHION.features()).isEqualTo(784);
    }
}
