package org.terrain4j.terrain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TerrainClassifierTest {

    private final TerrainClassifier classifier = new TerrainClassifier(10);

    private static TerrainSnapshot snapshot(double loss, double gradientNorm, double smoothed, double best,
                                            boolean plateau) {
        return new TerrainSnapshot(100, 2, loss, smoothed, best, gradientNorm, 1.0, smoothed, plateau ? 3 : 0,
                plateau, Double.NaN, 32);
    }

    @Test
    void nonFiniteLossOrGradientIsDiverging() {
        assertThat(classifier.classify(snapshot(Double.NaN, 1, 1, 1, false)))
                .isEqualTo(new Classification(Terrain.DIVERGING, "loss is NaN"));
        assertThat(classifier.classify(snapshot(1, Double.POSITIVE_INFINITY, 1, 1, true)))
                .isEqualTo(new Classification(Terrain.DIVERGING, "gradient norm is Infinity"));
    }

    @Test
    void explodingSmoothedLossIsDiverging() {
        assertThat(classifier.classify(snapshot(30, 1, 25, 2, false)).terrain()).isEqualTo(Terrain.DIVERGING);
        assertThat(classifier.classify(snapshot(30, 1, 19, 2, false)).terrain()).isEqualTo(Terrain.DESCENDING);
    }

    @Test
    void exhaustedPatienceIsAPlateau() {
        Classification c = classifier.classify(snapshot(1, 1, 1, 1, true));

        assertThat(c.terrain()).isEqualTo(Terrain.PLATEAU);
        assertThat(c.reason()).isEqualTo("no improvement of the monitored value for 3 checks (now 1.000)");
    }

    @Test
    void curvatureKindsAreMarked() {
        assertThat(Terrain.SADDLE.needsCurvature()).isTrue();
        assertThat(Terrain.PLATEAU.needsCurvature()).isFalse();
    }

    @Test
    void explosionFactorMustExceedOne() {
        assertThatThrownBy(() -> new TerrainClassifier(1.0))
                .hasMessage("explosionFactor must be finite and greater than 1, got 1.0");
    }
}
