package org.terrain4j.listeners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.terrain4j.control.GradientCoherence;

class GradientSumTest {

    @Test
    void sumsEveryFourthIterationsMeanGradientAndStartsAgainAfterATake() {
        GradientSum sum = new GradientSum();
        // Gradient views hold batch sums: divided by the batch of 2 they are (1, 0), (3, 0), (0, 2).
        INDArray[] views = {Nd4j.createFromArray(2f, 0f), Nd4j.createFromArray(6f, 0f), Nd4j.createFromArray(0f, 4f)};
        double[] squaredNorms = {1, 9, 4};
        for (int k = 0; k < 12; k++) {
            int which = k / 4;
            sum.offer(k, views[which], 2, squaredNorms[which]);
        }

        GradientCoherence coherence = sum.take();

        // Iterations 0, 4 and 8 were summed: mean gradient (4/3, 2/3), mean squared norm 14/3.
        assertThat(coherence.iterations()).isEqualTo(3);
        assertThat(coherence.meanSquaredNorm()).isCloseTo(14.0 / 3, within(1e-12));
        assertThat(coherence.squaredNormOfMean()).isCloseTo(16.0 / 9 + 4.0 / 9, within(1e-6));
        assertThat(sum.take()).isNull();
        sum.offer(12, views[0], 2, 1);
        sum.offer(16, views[0], 2, 1);
        assertThat(sum.take().squaredNormOfMean()).isCloseTo(1, within(1e-6));
    }
}
