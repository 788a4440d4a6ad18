package org.terrain4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.terrain4j.data.DatasetSplit;
import org.terrain4j.data.Datasets;

/**
 * Reads the real Fashion-MNIST files from Debian's dataset-fashion-mnist (installed by
 * scripts/test before the build).
 */
class FashionMnistIT {

    @Test
    void loadsTheFixedSplitFromTheDebianPackage() {
        DatasetSplit fashion = Datasets.fashionMnist();

        assertThat(fashion.sizes()).containsExactly(50_000, 10_000, 10_000);
        assertThat(fashion.numFeatures()).isEqualTo(784);
        assertThat(fashion.classNames()).hasSize(10).startsWith("T-shirt/top").endsWith("Ankle boot");
        // The t10k set has exactly 1,000 images of each class.
        assertThat(fashion.test().getLabels().sum(0).toDoubleVector()).containsOnly(1000.0);
        assertThat(fashion.train().getFeatures().minNumber().doubleValue()).isEqualTo(0.0);
        assertThat(fashion.train().getFeatures().maxNumber().doubleValue()).isEqualTo(1.0);
        assertThat(fashion.validation().getLabels().sumNumber().doubleValue()).isEqualTo(10_000.0);
    }
}
