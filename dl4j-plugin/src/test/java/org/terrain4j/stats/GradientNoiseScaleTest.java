package org.terrain4j.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class GradientNoiseScaleTest {

    @Test
    void expectedNormsGiveTheExactNoiseScale() {
        // E|G_B|^2 = |G|^2 + tr(Sigma) / B with |G|^2 = 4 and tr(Sigma) = 2000: B_simple = 500.
        GradientNoiseScale scale = new GradientNoiseScale(0.9);
        int b = 32;
        int k = 8;
        scale.add(4 + 2000.0 / b, 4 + 2000.0 / (b * k), b, k);

        assertThat(scale.squaredGradientNorm()).isEqualTo(4.0, within(1e-9));
        assertThat(scale.traceOfCovariance()).isEqualTo(2000.0, within(1e-9));
        assertThat(scale.value()).isEqualTo(500.0, within(1e-9));
    }

    @Test
    void sampledGradientsEstimateTheNoiseScaleWithinTenPercent() {
        // Gradients in 50 dimensions: mean G with |G|^2 = 50 * 0.04 = 2, per-sample noise with
        // variance 1 per coordinate, so tr(Sigma) = 50 and B_simple = 25.
        Random random = new Random(7);
        int dims = 50;
        int b = 4;
        int k = 8;
        GradientNoiseScale scale = new GradientNoiseScale(0.99);
        for (int m = 0; m < 2000; m++) {
            double[] sum = new double[dims];
            double smallSum = 0;
            for (int batch = 0; batch < k; batch++) {
                double norm2 = 0;
                for (int d = 0; d < dims; d++) {
                    double g = 0.2 + random.nextGaussian() / Math.sqrt(b);
                    sum[d] += g;
                    norm2 += g * g;
                }
                smallSum += norm2;
            }
            double big2 = 0;
            for (int d = 0; d < dims; d++) {
                big2 += (sum[d] / k) * (sum[d] / k);
            }
            scale.add(smallSum / k, big2, b, k);
        }

        assertThat(scale.value()).isCloseTo(25.0, within(2.5));
    }

    @Test
    void adviceComparesTheBatchWithTheNoiseScale() {
        assertThat(BatchSizeAdvice.of(32, 500, 1, 10)).isEqualTo(BatchSizeAdvice.FAR_BELOW);
        assertThat(BatchSizeAdvice.of(128, 500, 1, 10)).isEqualTo(BatchSizeAdvice.WITHIN);
        assertThat(BatchSizeAdvice.of(6000, 500, 1, 10)).isEqualTo(BatchSizeAdvice.FAR_ABOVE);
        assertThat(BatchSizeAdvice.of(32, Double.NaN, Double.NaN, 10)).isEqualTo(BatchSizeAdvice.UNKNOWN);
        assertThat(BatchSizeAdvice.of(32, Double.NaN, -0.1, 10)).isEqualTo(BatchSizeAdvice.FAR_BELOW);
    }
}
