package org.terrain4j.curvature;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VectorsTest {

    @Test
    void axpyThenDotUpdatesEveryEntryThenTakesTheDotProductOddLengthsIncluded() {
        double[] x = {1, 2, 3, 4, 5};
        double[] y = {10, 20, 30, 40, 50};
        double[] z = {1, 0, -1, 2, 0.5};

        double dot = Vectors.axpyThenDot(-2, x, y, z);

        assertThat(y).containsExactly(8, 16, 24, 32, 40);
        assertThat(dot).isEqualTo(8 - 24 + 64 + 20);
    }

    @Test
    void scaledLeavesItsInputAlone() {
        double[] x = {1, -2, 4};

        assertThat(Vectors.scaled(0.5, x)).containsExactly(0.5, -1, 2);
        assertThat(x).containsExactly(1, -2, 4);
    }
}
