package org.terrain4j.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SaddleEscapeTest {

    @Test
    void trainingEFoldsAlongNegativeCurvatureAtItsOwnRate() {
        // Each step multiplies a displacement along v by 1 + lr |lambda|.
        assertThat(SaddleEscape.selfEscapeIterations(0.01, -1e-3)).isCloseTo(1 / Math.log1p(1e-5), within(1e-6));
        assertThat(SaddleEscape.selfEscapeIterations(3, -0.2241)).isCloseTo(1 / Math.log(1.6723), within(1e-9));
        assertThat(SaddleEscape.selfEscapeIterations(0.1, 0)).isInfinite();
        assertThat(SaddleEscape.selfEscapeIterations(Double.NaN, -1)).isNaN();
    }

    @Test
    void aStepPaysOnlyWhereTrainingWouldStayLongerThanThePatience() {
        SaddleEscape escape = new SaddleEscape(0.01, 4, 100);
        // A deep linear network's plateau: lr |lambda| 1e-5, e-folding in 100,000 iterations.
        assertThat(escape.worthwhile(0.01, -1e-3)).isTrue();
        // Full-batch descent of a ReLU network at rate 3: e-folding in 2 iterations.
        assertThat(escape.worthwhile(3, -0.2241)).isFalse();
        // Around the patience: lr |lambda| = e^(1/100) - 1 e-folds in exactly 100.
        double edge = Math.expm1(0.01);
        assertThat(escape.worthwhile(1, -edge * 0.99)).isTrue();
        assertThat(escape.worthwhile(1, -edge * 1.01)).isFalse();
        // Unknown dynamics (an adaptive updater without a known gain): the step is tried.
        assertThat(escape.worthwhile(Double.NaN, -1)).isTrue();
        assertThat(new SaddleEscape(0.01, 4, 0).worthwhile(3, -0.2241)).isTrue();
    }

    @Test
    void optionsAreValidatedNamingTheValue() {
        assertThatThrownBy(() -> new SaddleEscape(0.01, 4, -1)).hasMessageContaining("patience")
                .hasMessageContaining("-1");
        assertThatThrownBy(() -> new SaddleEscape(1.5, 4, 100)).hasMessageContaining("targetDecrease")
                .hasMessageContaining("1.5");
        assertThatThrownBy(() -> new SaddleEscape(0.01, 0, 100)).hasMessageContaining("attempts");
    }
}
