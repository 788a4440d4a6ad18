package org.terrain4j.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GradientCoherenceTest {

    @Test
    void recoversSignalAndNoiseOfSimulatedGradients() {
        // 64 gradients in 500 dimensions: G = 0.1 in every coordinate (|G|^2 = 5), noise sd 0.2
        // per coordinate (tr(Sigma)/B = 20): noise scale 4 batches.
        SplittableRandom random = new SplittableRandom(7);
        int n = 64;
        int d = 500;
        double[] sum = new double[d];
        double squaredNorms = 0;
        for (int k = 0; k < n; k++) {
            double squared = 0;
            for (int i = 0; i < d; i++) {
                double g = 0.1 + 0.2 * Math.sqrt(-2 * Math.log(1 - random.nextDouble()))
                        * Math.cos(2 * Math.PI * random.nextDouble());
                sum[i] += g / n;
                squared += g * g;
            }
            squaredNorms += squared;
        }
        double meanSquared = 0;
        for (double s : sum) {
            meanSquared += s * s;
        }
        GradientCoherence coherence = new GradientCoherence(n, squaredNorms / n, meanSquared);

        assertThat(coherence.signal()).isCloseTo(5, within(0.5));
        assertThat(coherence.noise()).isCloseTo(20, within(1.0));
    }

    @Test
    void estimatesFollowTheFormulaExactly() {
        GradientCoherence coherence = new GradientCoherence(10, 2.0, 0.5);
        assertThat(coherence.signal()).isCloseTo((10 * 0.5 - 2.0) / 9, within(1e-15));
        assertThat(coherence.noise()).isCloseTo((2.0 - 0.5) * 10 / 9, within(1e-15));
    }

    @Test
    void badValuesAreNamed() {
        assertThatThrownBy(() -> new GradientCoherence(1, 1, 1)).hasMessage("iterations must be at least 2, got 1");
        assertThatThrownBy(() -> new GradientCoherence(5, Double.NaN, 1))
                .hasMessage("squared norms must be non-negative, got NaN and 1.0");
    }
}
