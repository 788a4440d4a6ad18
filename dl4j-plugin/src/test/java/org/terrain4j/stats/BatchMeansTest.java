package org.terrain4j.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BatchMeansTest {

    @Test
    void slopeTMatchesTheRegressionWorkedByHand() {
        // x = 0..4, y = 1 3 2 5 4: slope 8/10, residual SS 3.6 on 3 degrees of freedom,
        // se = sqrt(3.6 / 3 / 10), t = 0.8 / se = 2.3094.
        double[] means = {1, 3, 2, 5, 4, 99};

        assertThat(BatchMeans.slopeT(means, 5)).isCloseTo(0.8 / Math.sqrt(0.12), within(1e-12));
    }

    @Test
    void slopeTIsNegativeForAFallingSeriesAndInfiniteForAPerfectLine() {
        assertThat(BatchMeans.slopeT(new double[] {4, 5, 2, 3, 1}, 5)).isNegative();
        assertThat(BatchMeans.slopeT(new double[] {3, 2, 1}, 3)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(BatchMeans.slopeT(new double[] {2, 2, 2}, 3)).isZero();
    }

    @Test
    void tooFewMeansAreRefusedWithTheCount() {
        assertThatThrownBy(() -> BatchMeans.slopeT(new double[] {1, 2}, 2))
                .hasMessage("need at least 3 batch means, got 2");
    }
}
