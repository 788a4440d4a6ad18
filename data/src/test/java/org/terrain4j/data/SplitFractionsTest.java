package org.terrain4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SplitFractionsTest {

    @Test
    void testShareIsTheRest() {
        assertThat(new SplitFractions(0.7, 0.1).test()).isCloseTo(0.2, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void rejectsSharesThatLeaveNoTestSet() {
        assertThatThrownBy(() -> new SplitFractions(0.8, 0.2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("validation fraction").hasMessageContaining("0.2");
        assertThatThrownBy(() -> new SplitFractions(Double.NaN, 0.1))
                .hasMessageContaining("train fraction").hasMessageContaining("NaN");
    }
}
