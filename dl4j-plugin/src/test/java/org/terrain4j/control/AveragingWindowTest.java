package org.terrain4j.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AveragingWindowTest {

    private static final AveragingOptions OPTIONS = new AveragingOptions(0.5, 32, 0.9);

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    /**
     * Runs one epoch of {@code length} iterations from {@code first} with losses
     * {@code start + slope * k + sd * N(0,1)}; returns the iterations at which a sample was asked for.
     */
    private static List<Long> epoch(AveragingWindow window, long first, int length, double start, double slope,
                                    double sd, SplittableRandom random) {
        List<Long> sampled = new ArrayList<>();
        window.startEpoch(first);
        for (int k = 0; k < length; k++) {
            if (window.afterIteration(first + k, start + slope * k + sd * gaussian(random))) {
                sampled.add(first + k);
            }
        }
        return sampled;
    }

    @Test
    void theFirstEpochHasNoWindowBecauseItsLengthIsUnknown() {
        AveragingWindow window = new AveragingWindow(OPTIONS);
        List<Long> sampled = epoch(window, 0, 100, 1, 0, 0.1, new SplittableRandom(1));

        assertThat(sampled).isEmpty();
        AveragingVerdict verdict = window.endEpoch(100);
        assertThat(verdict.kind()).isEqualTo(AveragingVerdict.Kind.NONE);
        assertThat(verdict.average()).isFalse();
    }

    @Test
    void laterEpochsSampleTheirSecondHalfEvenlyAtMostThirtyTwoTimesAndEveryFourthIterationEndingAtTheLast() {
        AveragingWindow window = new AveragingWindow(OPTIONS);
        epoch(window, 0, 100, 1, 0, 0.1, new SplittableRandom(1));
        window.endEpoch(100);

        List<Long> sampled = epoch(window, 100, 100, 1, 0, 0.1, new SplittableRandom(2));

        // The tail is iterations 150..199: 50 iterations, every fourth one (ceil(50 / 32) = 2 is
        // fewer iterations apart than the fewest).
        assertThat(sampled).hasSize(13).allMatch(i -> i >= 150 && i < 200);
        assertThat(sampled.get(sampled.size() - 1)).isEqualTo(199);
        assertThat(sampled.get(1) - sampled.get(0)).isEqualTo(4);
        AveragingVerdict verdict = window.endEpoch(200);
        assertThat(verdict.iterations()).isEqualTo(50);
        assertThat(verdict.batches()).isEqualTo(7); // floor(sqrt(50)) batches of 8, the last of 2
    }

    @Test
    void aShortEpochIsSampledAtMostEveryFourthIterationSoThatAveragingCostsAQuarterPassAtMost() {
        AveragingWindow window = new AveragingWindow(AveragingOptions.DEFAULTS);
        epoch(window, 0, 45, 1, 0, 0.1, new SplittableRandom(1));
        window.endEpoch(45);

        List<Long> sampled = epoch(window, 45, 45, 1, 0, 0.1, new SplittableRandom(2));

        // 64 samples would be one per iteration; the whole epoch every fourth, ending at its last.
        assertThat(sampled).hasSize(12).allMatch(i -> i >= 45 && i < 90);
        assertThat(sampled.get(sampled.size() - 1)).isEqualTo(89);
        for (int k = 1; k < sampled.size(); k++) {
            assertThat(sampled.get(k) - sampled.get(k - 1)).isEqualTo(AveragingWindow.MIN_PERIOD);
        }
        assertThat(window.endEpoch(90).iterations()).isEqualTo(45);
    }

    @Test
    void aStationaryLossChoosesTheAverageAtTheStatedConfidence() {
        int averaged = 0;
        int runs = 2000;
        for (int seed = 0; seed < runs; seed++) {
            AveragingWindow window = new AveragingWindow(OPTIONS);
            SplittableRandom random = new SplittableRandom(seed);
            epoch(window, 0, 128, 1, 0, 0.2, random);
            window.endEpoch(128);
            epoch(window, 128, 128, 1, 0, 0.2, random);
            if (window.endEpoch(256).average()) {
                averaged++;
            }
        }
        // i.i.d. losses over 64 iterations: 8 batch means whose slope t is exactly t-distributed with
        // 6 degrees of freedom, below -t(0.9) in 10% of runs (sd of the share 0.007).
        assertThat(averaged / (double) runs).isCloseTo(0.90, within(0.025));
    }

    @Test
    void aLossThatStillFallsKeepsTheLastIterate() {
        int kept = 0;
        int runs = 500;
        for (int seed = 0; seed < runs; seed++) {
            AveragingWindow window = new AveragingWindow(OPTIONS);
            SplittableRandom random = new SplittableRandom(seed);
            epoch(window, 0, 128, 1, -0.002, 0.05, random);
            window.endEpoch(128);
            epoch(window, 128, 128, 0.75, -0.002, 0.05, random);
            AveragingVerdict verdict = window.endEpoch(256);
            if (verdict.kind() == AveragingVerdict.Kind.DESCENDING) {
                kept++;
                assertThat(verdict.describe(0)).startsWith("last iterate kept: the loss still falls over the epoch's "
                        + "last 64 iterations (slope of 8 batch means t = -").contains("one-sided 90%");
            }
        }
        // A fall of 0.128 over the window against batch means of sd 0.05 / sqrt(8): t near -11.
        assertThat(kept).isEqualTo(runs);
    }

    @Test
    void aRestartForgetsTheWindowSoFarAndATooLateOneLeavesNoAverage() {
        AveragingWindow window = new AveragingWindow(OPTIONS);
        epoch(window, 0, 100, 1, 0, 0.1, new SplittableRandom(1));
        window.endEpoch(100);

        window.startEpoch(100);
        window.restart(120); // before the window opens at 150: nothing changes
        List<Long> sampled = new ArrayList<>();
        for (long i = 100; i < 200; i++) {
            if (i == 180) {
                window.restart(181); // the window begins again after iteration 180
                sampled.clear();
            }
            if (window.afterIteration(i, 1.0)) {
                sampled.add(i);
            }
        }
        // 19 iterations left, every fourth ending at the last.
        assertThat(sampled).containsExactly(183L, 187L, 191L, 195L, 199L);
        AveragingVerdict verdict = window.endEpoch(200);
        assertThat(verdict.iterations()).isEqualTo(19);
        assertThat(verdict.kind()).isEqualTo(AveragingVerdict.Kind.AVERAGE);

        window.startEpoch(200);
        for (long i = 200; i < 298; i++) {
            window.afterIteration(i, 1.0);
        }
        window.restart(298); // two iterations left: too few for a window
        assertThat(window.afterIteration(298, 1.0)).isFalse();
        assertThat(window.afterIteration(299, 1.0)).isFalse();
        assertThat(window.endEpoch(300).kind()).isEqualTo(AveragingVerdict.Kind.NONE);
    }

    @Test
    void aFallAtTheEpochsBoundariesDoesNotKeepTheLastIterate() {
        // The training loss of data reshuffled each epoch: flat within an epoch, lower at each
        // epoch's start (the descent a test over several epochs finds while the network memorizes).
        AveragingWindow window = new AveragingWindow(AveragingOptions.DEFAULTS);
        for (int e = 0; e < 4; e++) {
            epoch(window, 128L * e, 128, 1 - 0.05 * e, 0, 0.05, new SplittableRandom(e));
            AveragingVerdict verdict = window.endEpoch(128L * (e + 1));
            assertThat(verdict.kind()).isEqualTo(e == 0 ? AveragingVerdict.Kind.NONE : AveragingVerdict.Kind.AVERAGE);
        }
    }

    @Test
    void theDefaultsKeepTheLastIterateWhileTheEpochStillDescendsSteeply() {
        AveragingWindow window = new AveragingWindow(AveragingOptions.DEFAULTS);
        epoch(window, 0, 128, 2, -0.005, 0.05, new SplittableRandom(1));
        window.endEpoch(128);
        List<Long> sampled = epoch(window, 128, 128, 1.4, -0.005, 0.05, new SplittableRandom(2));

        AveragingVerdict verdict = window.endEpoch(256);

        // The whole epoch, every fourth iteration (ceil(128 / 64) = 2 is fewer than the fewest), the
        // last one included.
        assertThat(sampled).hasSize(32).allMatch(i -> i >= 128 && i < 256).contains(255L);
        assertThat(verdict.kind()).isEqualTo(AveragingVerdict.Kind.DESCENDING);
        assertThat(verdict.critical()).isCloseTo(4.297, within(0.001)); // t(9 df) at 0.999: 11 batch means
    }

    @Test
    void aDecisionOfEarlierVersionsStillDescribesItself() {
        AveragingVerdict restored = new AveragingVerdict(AveragingVerdict.Kind.RATE_DESCENDING, 0, 1.44, 8, 64, 0.9);

        assertThat(restored.average()).isFalse();
        assertThat(restored.describe(32)).startsWith("last iterate kept: the stationarity test found the loss still "
                + "falling at this rate, though not over the epoch's last 64 iterations alone");
    }

    @Test
    void aShortWindowIsTooFewForATest() {
        AveragingWindow window = new AveragingWindow(new AveragingOptions(0.5, 32, 0.9));
        epoch(window, 0, 4, 1, 0, 0.1, new SplittableRandom(1));
        window.endEpoch(4);
        epoch(window, 4, 4, 1, 0, 0.1, new SplittableRandom(2));

        AveragingVerdict verdict = window.endEpoch(8);

        assertThat(verdict.kind()).isEqualTo(AveragingVerdict.Kind.TOO_FEW);
        assertThat(verdict.describe(2)).isEqualTo("no tail average: 2 iterations in the window, too few for 3 batch means");
    }

    @Test
    void optionsNameTheBadOneAndItsValue() {
        assertThatThrownBy(() -> new AveragingOptions(0, 32, 0.9))
                .hasMessage("averaging tail must be in (0, 1], got 0.0");
        assertThatThrownBy(() -> new AveragingOptions(1.5, 32, 0.9))
                .hasMessage("averaging tail must be in (0, 1], got 1.5");
        assertThatThrownBy(() -> new AveragingOptions(0.5, 1, 0.9))
                .hasMessage("averaging samples must be in [2, 4096], got 1");
        assertThatThrownBy(() -> new AveragingOptions(0.5, 32, 1.0))
                .hasMessage("averaging confidence must be in [0.5, 1), got 1.0");
        assertThatThrownBy(() -> new AveragingOptions(Double.NaN, 32, 0.9))
                .hasMessage("averaging tail must be in (0, 1], got NaN");
    }
}
