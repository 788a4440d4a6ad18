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

        assertThat(BatchMeans.slope(means, 5).t()).isCloseTo(0.8 / Math.sqrt(0.12), within(1e-12));
    }

    @Test
    void slopeTIsNegativeForAFallingSeriesAndInfiniteForAPerfectLine() {
        assertThat(BatchMeans.slope(new double[] {4, 5, 2, 3, 1}, 5).t()).isNegative();
        assertThat(BatchMeans.slope(new double[] {3, 2, 1}, 3).t()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(BatchMeans.slope(new double[] {2, 2, 2}, 3).t()).isZero();
    }

    @Test
    void aFlatteningIsTheDifferenceOfSlopesOverTheirCombinedError() {
        BatchMeans.Slope earlier = new BatchMeans.Slope(-3, 0.6);
        BatchMeans.Slope later = new BatchMeans.Slope(-1, 0.8);

        assertThat(later.tAgainst(earlier)).isCloseTo(2 / 1.0, within(1e-12));
        assertThat(earlier.tAgainst(later)).isCloseTo(-2, within(1e-12));
        assertThat(new BatchMeans.Slope(0, 0).tAgainst(new BatchMeans.Slope(0, 0))).isZero();
    }

    @Test
    void tooFewMeansAreRefusedWithTheCount() {
        assertThatThrownBy(() -> BatchMeans.slope(new double[] {1, 2}, 2))
                .hasMessage("need at least 3 batch means, got 2");
    }
}
