package org.terrain4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class IrisTest {

    @Test
    void bundledIrisLoadsOfflineStandardizedByTheTrainingSet() {
        DatasetSplit iris = Datasets.iris(42);

        assertThat(iris.sizes()).containsExactly(90, 30, 30);
        assertThat(iris.classNames()).containsExactly("setosa", "versicolor", "virginica");
        assertThat(iris.train().getFeatures().mean(0).toDoubleVector())
                .containsExactly(new double[] {0, 0, 0, 0}, within(1e-5));
        assertThat(iris.train().getLabels().sum(0).toDoubleVector()).containsExactly(30, 30, 30);
    }
}
