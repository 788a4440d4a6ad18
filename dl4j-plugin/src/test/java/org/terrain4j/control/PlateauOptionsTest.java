package org.terrain4j.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PlateauOptionsTest {

    private static final PlateauOptions P = PlateauOptions.PYTORCH_DEFAULTS;

    @Test
    void invalidOptionsAreNamedWithTheirValue() {
        assertThatThrownBy(() -> P.withFactor(1.0)).hasMessage("factor must be in (0, 1), got 1.0");
        assertThatThrownBy(() -> P.withFactor(0)).hasMessage("factor must be in (0, 1), got 0.0");
        assertThatThrownBy(() -> P.withPatience(-1)).hasMessage("patience must be non-negative, got -1");
        assertThatThrownBy(() -> P.withThreshold(Double.NaN, ThresholdMode.RELATIVE))
                .hasMessage("threshold must be finite and non-negative, got NaN");
        assertThatThrownBy(() -> P.withCooldown(-2)).hasMessage("cooldown must be non-negative, got -2");
        assertThatThrownBy(() -> P.withMinLearningRate(-1e-3))
                .hasMessage("minLearningRate must be finite and non-negative, got -0.001");
        assertThatThrownBy(() -> P.withEps(Double.POSITIVE_INFINITY))
                .hasMessage("eps must be finite and non-negative, got Infinity");
    }

    @Test
    void reductionFollowsPyTorchWithMinimumAndEps() {
        PlateauOptions options = P.withFactor(0.5).withMinLearningRate(0.03).withEps(0.001);

        assertThat(options.reduce(0.1)).isEqualTo(0.05);
        assertThat(options.reduce(0.05)).isEqualTo(0.03);
        // 0.0305 -> max(0.01525, 0.03) = 0.03 is a cut of 0.0005 <= eps: skipped.
        assertThat(options.reduce(0.0305)).isEqualTo(0.0305);
        assertThat(options.reduce(0.03)).isEqualTo(0.03);
    }
}
