package org.terrain4j.terrain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import org.junit.jupiter.api.Test;
import org.terrain4j.control.ProbeSchedule;

class CurvatureClassifierTest {

    private static final CurvatureClassifier C = CurvatureClassifier.DEFAULTS;
    private static final StabilityBound SGD = StabilityBound.gradientDescent();

    private static CurvatureSnapshot probe(double min, double max) {
        return new CurvatureSnapshot(min, max, Double.NaN, Double.NaN, 20, 5, null);
    }

    @Test
    void smallGradientWithNegativeCurvatureIsASaddle() {
        assertThat(C.classify(0.05, 1.0, 1.0, probe(-0.5, 10), 0.01, SGD).terrain()).isEqualTo(Terrain.SADDLE);
        // -0.05 is not below -0.01 * 10 = -0.1: no significant negative curvature.
        assertThat(C.classify(0.05, 1.0, 1.0, probe(-0.05, 10), 0.01, SGD).terrain()).isEqualTo(Terrain.MINIMUM);
    }

    @Test
    void trainingThatStartsOnASaddleHasASmallGradientByItsProgress() {
        // The gradient is its own peak, but lr |g|^2 = 0.01 * 1e-8 is far below 1e-6 of the loss 4.
        assertThat(C.classify(1e-4, 1e-4, 4.0, probe(-0.006, 0.006), 0.01, SGD).terrain()).isEqualTo(Terrain.SADDLE);
        assertThat(C.classify(0.5, 0.5, 4.0, probe(-0.006, 0.006), 0.01, SGD)).isNull();
    }

    @Test
    void smallGradientWithFlatCurvatureIsAPlateau() {
        assertThat(C.classify(0.05, 1.0, 1.0, probe(-1e-6, 5e-4), 0.01, SGD).terrain()).isEqualTo(Terrain.PLATEAU);
    }

    @Test
    void sgdBeyondTwoOverLambdaMaxIsUnstableWhateverTheGradient() {
        Classification c = C.classify(5, 1.0, 1.0, probe(0.1, 50), 0.05, SGD);

        assertThat(c.terrain()).isEqualTo(Terrain.UNSTABLE);
        assertThat(c.reason()).isEqualTo(
                "learning rate 0.05000 times lambda_max 50.00 is 2.50, above the stability bound 2.000 = 2");
        assertThat(C.classify(5, 1.0, 1.0, probe(0.1, 50), 0.05, StabilityBound.NONE)).isNull();
        assertThat(SGD.capFactor(0.05, 50, 0.8)).isEqualTo(0.032 / 0.05, offset(1e-12));
        assertThat(SGD.capFactor(0.01, 50, 0.8)).isEqualTo(1.0);
    }

    @Test
    void nesterovMomentumIsUnstableWellBelowTwoOverLambdaMax() {
        StabilityBound nesterov = StabilityBound.nesterov(0.9);
        // 2 (1 + 0.9) / (1 + 1.8) = 3.8 / 2.8
        assertThat(nesterov.value()).isEqualTo(3.8 / 2.8, offset(1e-15));
        assertThat(StabilityBound.nesterov(0).value()).isEqualTo(2.0);

        // lr * lambda_max = 0.03 * 50 = 1.5: stable for gradient descent, not with momentum 0.9.
        assertThat(C.classify(5, 1.0, 1.0, probe(0.1, 50), 0.03, SGD)).isNull();
        Classification c = C.classify(5, 1.0, 1.0, probe(0.1, 50), 0.03, nesterov);
        assertThat(c.terrain()).isEqualTo(Terrain.UNSTABLE);
        assertThat(c.reason()).endsWith("above the stability bound 1.357 = 2(1+mu)/(1+2mu) with mu 0.900");
        assertThat(nesterov.cap(50, 0.8)).isEqualTo(0.8 * 3.8 / 2.8 / 50, offset(1e-15));
        assertThat(SGD.tighter(nesterov)).isSameAs(nesterov);
        assertThatThrownBy(() -> StabilityBound.nesterov(1.0)).hasMessage("momentum must be in [0, 1), got 1.0");
    }

    /** The bound a quadratic really has: Nesterov momentum at 0.99 of its bound converges, at 1.01 diverges. */
    @Test
    void nesterovBoundIsWhereTheIterationOnAQuadraticTurnsUnstable() {
        double mu = 0.9;
        double bound = StabilityBound.nesterov(mu).value();
        assertThat(nesterovOnAQuadratic(0.99 * bound, mu)).isLessThan(1e-3);
        assertThat(nesterovOnAQuadratic(1.01 * bound, mu)).isGreaterThan(1e3);
    }

    /** |theta| after 3000 of DL4J's Nesterov steps on the loss lambda theta^2 / 2, from theta = 1 (h = lr lambda). */
    private static double nesterovOnAQuadratic(double h, double mu) {
        double theta = 1;
        double v = 0;
        for (int i = 0; i < 3000; i++) {
            double previous = v;
            v = mu * v - h * theta;
            theta += (1 + mu) * v - mu * previous;
        }
        return Math.abs(theta);
    }

    @Test
    void largeGradientsOrInconclusiveProbesAddNothing() {
        assertThat(C.classify(0.5, 1.0, 1.0, probe(-5, 10), 0.01, SGD)).isNull();
        assertThat(C.classify(0.01, 1.0, 1.0, CurvatureSnapshot.inconclusive("loss is NaN on the probe batch", 3, 1),
                0.01, SGD)).isNull();
    }

    @Test
    void probesFollowTheirScheduleAndBudget() {
        ProbeSchedule s = ProbeSchedule.DEFAULTS;

        assertThat(s.due(999, false, false, -1, 0, 1_000)).isTrue();
        assertThat(s.due(998, false, false, -1, 0, 1_000)).isFalse();
        assertThat(s.due(500, true, false, 450, 0, 1_000)).isFalse();
        assertThat(s.due(550, true, false, 450, 0, 1_000)).isTrue();
        assertThat(s.due(999, true, false, -1, 60, 1_000)).as("over the 5%% budget").isFalse();
        assertThat(s.due(10, false, true, 9, 900, 1_000)).as("on demand").isTrue();
        assertThatThrownBy(() -> new ProbeSchedule(0, 1, 0.05)).hasMessage("probe period must be positive, got 0");
        assertThatThrownBy(() -> new CurvatureClassifier(1.5, 0.1, 0, 1e-6)).hasMessage("tau must be in (0, 1), got 1.5");
    }
}
