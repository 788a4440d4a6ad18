package org.terrain4j.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TrainingSignalsTest {

    @Test
    void nonFiniteValuesAreSeenButNotAccumulated() {
        TrainingSignals signals = new TrainingSignals(0.5, 4);
        signals.addGradientNorm(2);
        signals.addLoss(1);
        signals.addGradientNorm(Double.POSITIVE_INFINITY);
        signals.addLoss(Double.NaN);

        SignalSummary summary = signals.summary();
        assertThat(summary.loss()).isNaN();
        assertThat(summary.gradientNorm()).isInfinite();
        assertThat(summary.smoothedLoss()).isEqualTo(1.0, within(1e-12));
        assertThat(summary.smoothedGradientNorm()).isEqualTo(2.0, within(1e-12));
        assertThat(summary.iterations()).isEqualTo(1);
    }

    @Test
    void bestSmoothedLossIsTheMinimumOfTheAverage() {
        TrainingSignals signals = new TrainingSignals(0.0, 4);
        for (double loss : new double[] {3, 1, 2}) {
            signals.addLoss(loss);
        }

        assertThat(signals.bestSmoothedLoss()).isEqualTo(1.0);
        assertThat(signals.summary().lossWindowMean()).isEqualTo(2.0, within(1e-12));
        assertThat(signals.summary().lossWindowVariance()).isEqualTo(1.0, within(1e-12));
    }

    @Test
    void intervalMeanIsTheMeanSinceTheLastCheck() {
        TrainingSignals signals = new TrainingSignals(0.9, 4);
        signals.addLoss(1);
        signals.addLoss(3);
        signals.addLoss(Double.NaN);

        assertThat(signals.takeIntervalMeanLoss()).isEqualTo(2.0);
        signals.addLoss(5);
        assertThat(signals.takeIntervalMeanLoss()).isEqualTo(5.0);
        assertThat(signals.takeIntervalMeanLoss()).isNaN();
    }
}
