package org.terrain4j.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

class InstabilityTestTest {

    /** The defaults' confidence over 128 iterations, to keep the series short. */
    private static final InstabilityTest SHORT = new InstabilityTest(128, InstabilityTest.DEFAULTS.confidence());

    private static double[] series(int n, long seed, IntToDoubleFunction mean, double noise) {
        Random random = new Random(seed);
        double[] losses = new double[n];
        for (int t = 0; t < n; t++) {
            losses[t] = mean.applyAsDouble(t) + noise * random.nextGaussian();
        }
        return losses;
    }

    @Test
    void theEdgeOfStabilityIsNotEvidence() {
        // Gradient descent at the edge of stability: a period-2 swing of steady amplitude on a loss
        // that falls slowly over the window (Cohen et al. 2021, their figure 1).
        int capped = 0;
        for (long seed = 0; seed < 200; seed++) {
            double[] losses = series(128, seed, t -> 1.0 - 0.001 * t + 0.05 * (t % 2 == 0 ? 1 : -1), 0.01);
            capped += SHORT.judge(losses, losses.length, Double.NaN).confirmsInstability() ? 1 : 0;
        }
        assertThat(capped).isZero();
    }

    @Test
    void aLossThatMerelyHoldsRarelyPassesForAnInstability() {
        int capped = 0;
        for (long seed = 0; seed < 1000; seed++) {
            double[] losses = series(128, seed, t -> 0.5, 0.1);
            capped += SHORT.judge(losses, losses.length, Double.NaN).confirmsInstability() ? 1 : 0;
        }
        // Two one-sided tests at 99%: at most about 2% false alarms.
        assertThat(capped).isLessThanOrEqualTo(30);
    }

    @Test
    void aRisingLossIsEvidence() {
        double[] losses = series(128, 1, t -> 0.5 + 0.002 * t, 0.05);
        InstabilityVerdict verdict = SHORT.judge(losses, losses.length, Double.NaN);
        assertThat(verdict.evidence()).isEqualTo(InstabilityVerdict.Evidence.RISING);
        assertThat(verdict.describe()).contains("rising").contains("99%");
    }

    @Test
    void aSwingThatGrowsIsEvidenceEvenWhileTheMeanHolds() {
        // Beyond the bound the iterate flips across the valley, 2% further each time.
        double[] losses = series(128, 2, t -> 0.5 + 0.01 * Math.pow(1.02, t) * (t % 2 == 0 ? 1 : -1), 0.005);
        InstabilityVerdict verdict = SHORT.judge(losses, losses.length, Double.NaN);
        assertThat(verdict.evidence()).isEqualTo(InstabilityVerdict.Evidence.GROWING_OSCILLATION);
    }

    @Test
    void onlyTheLastWindowCountsAndTooFewLossesDecideNothing() {
        double[] losses = new double[300];
        for (int t = 0; t < 300; t++) {
            losses[t] = t < 172 ? 5.0 - 0.02 * t : 0.5 + 0.002 * (t - 172) + 0.01 * Math.sin(t);
        }
        assertThat(SHORT.judge(losses, 300, Double.NaN).evidence()).isEqualTo(InstabilityVerdict.Evidence.RISING);
        assertThat(SHORT.judge(losses, 63, Double.NaN).evidence())
                .isEqualTo(InstabilityVerdict.Evidence.TOO_FEW_SAMPLES);
    }

    @Test
    void aFlatLossFarAboveTheRunsBestIsEvidence() {
        double[] losses = series(128, 3, t -> 12.0, 0.01);
        InstabilityVerdict verdict = SHORT.judge(losses, losses.length, 2.3);
        assertThat(verdict.evidence()).isEqualTo(InstabilityVerdict.Evidence.FAR_ABOVE_BEST);
        assertThat(verdict.describe()).contains("or above, more than 1.5 times the run's best 2.300");
        assertThat(verdict.lowestLoss()).isCloseTo(12.0, org.assertj.core.api.Assertions.within(0.01));
        // The same losses falling back towards the best are a passing spike, not evidence.
        double[] falling = series(128, 3, t -> 12.0 - 0.05 * t, 0.01);
        assertThat(SHORT.judge(falling, falling.length, 2.3).evidence()).isEqualTo(InstabilityVerdict.Evidence.NONE);
    }

    @Test
    void aLossFallingThroughSpikesIsNotFarAboveItsBestWhileItsCalmStretchesAreNot() {
        // Catapults: every fourth batch of the window spikes to 5, the rest sits at 0.2, the best is 0.25.
        double[] losses = series(121, 4, t -> (t / 11) % 4 == 0 ? 5.0 : 0.2, 0.001);
        InstabilityVerdict verdict = SHORT.judge(losses, losses.length, 0.25);
        assertThat(verdict.evidence()).isNotEqualTo(InstabilityVerdict.Evidence.FAR_ABOVE_BEST);
        assertThat(verdict.lowestLoss()).isLessThan(0.25);
    }

    @Test
    void optionsAreValidatedNamingTheValue() {
        assertThatThrownBy(() -> new InstabilityTest(8, 0.99)).hasMessageContaining("window").hasMessageContaining("8");
        assertThatThrownBy(() -> new InstabilityTest(1 << 30, 0.99)).hasMessageContaining("window")
                .hasMessageContaining("65536").hasMessageContaining(String.valueOf(1 << 30));
        assertThatThrownBy(() -> new InstabilityTest(128, 1.0)).hasMessageContaining("confidence")
                .hasMessageContaining("1.0");
    }
}
