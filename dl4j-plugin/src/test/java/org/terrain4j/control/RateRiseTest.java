package org.terrain4j.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Rise trials judged on synthetic loss sequences fed through a real {@link StationarityTest}. */
class RateRiseTest {

    private static final StationarityOptions TEST = new StationarityOptions(0.90, 0.3, 0, 64, 1 << 14, true, 1);
    /** 32 coherent gradients: noise scale 0.7 batches. */
    private static final GradientCoherence COHERENT = new GradientCoherence(32, 1.0, 0.6);
    /** 32 pure-noise gradients. */
    private static final GradientCoherence NOISE = new GradientCoherence(32, 1.0, 1.0 / 32);

    private final SplittableRandom random = new SplittableRandom(7);
    private final StationarityTest test = new StationarityTest(TEST);
    private double level = 2.0;

    /** Records {@code iterations} losses falling by {@code slope} per iteration with noise 0.02, continuing the level. */
    private StationarityVerdict descend(int iterations, double slope, GradientCoherence coherence) {
        for (int k = 0; k < iterations; k++) {
            level -= slope;
            test.record(level + 0.02 * gaussian(random));
            if (test.recorded() % 32 == 0) {
                test.recordCoherence(coherence);
            }
        }
        return test.verdict();
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    @Test
    void aSteadyCoherentDescentTriesThreeTimesTheRateAndKeepsItWhenTheLossFallsThreeTimesFaster() {
        RateRise rise = new RateRise(RiseOptions.DEFAULTS);
        RateRise.Decision start = rise.atVerdict(descend(256, 1e-3, COHERENT));
        assertThat(start).isInstanceOfSatisfying(RateRise.Decision.Start.class, s -> {
            assertThat(s.factor()).isEqualTo(3);
            assertThat(s.reason()).contains("still descending", "gradient noise scale 0.703 times the batch (below 10.0)",
                    "trying 3.00 times the rate for the stationarity test's shortest window");
        });
        assertThat(rise.phase()).isEqualTo(RateRise.Phase.TRIAL);
        test.resetForTrial();
        StationarityVerdict tooFew = descend(100, 3e-3, COHERENT);
        assertThat(rise.atVerdict(tooFew)).isEqualTo(RateRise.Decision.NONE);
        RateRise.Decision judged = rise.atVerdict(descend(28, 3e-3, COHERENT));
        assertThat(judged).isInstanceOfSatisfying(RateRise.Decision.Keep.class,
                k -> assertThat(k.reason()).startsWith("rise kept: loss slope -0.00").contains("difference t"));
        assertThat(rise.risen()).isEqualTo(3);
        assertThat(rise.phase()).isEqualTo(RateRise.Phase.READY);
    }

    @Test
    void aTrialNoFasterThanTheRateBeforeIsGivenUpAndNoFurtherTrialStarts() {
        RateRise rise = new RateRise(RiseOptions.DEFAULTS);
        assertThat(rise.atVerdict(descend(256, 1e-3, COHERENT))).isInstanceOf(RateRise.Decision.Start.class);
        test.resetForTrial();
        RateRise.Decision judged = rise.atVerdict(descend(128, 1e-3, COHERENT));
        assertThat(judged).isInstanceOfSatisfying(RateRise.Decision.Revert.class, r -> {
            assertThat(r.factor()).isCloseTo(1 / 3.0, within(1e-15));
            assertThat(r.reason()).startsWith("rise given up").endsWith("no further rises");
        });
        assertThat(rise.phase()).isEqualTo(RateRise.Phase.DONE);
        test.reset();
        assertThat(rise.atVerdict(descend(512, 1e-3, COHERENT))).isEqualTo(RateRise.Decision.NONE);
        assertThat(rise.risen()).isEqualTo(1);
    }

    @Test
    void aTrialThatReachesAHigherNoiseFloorIsGivenUp() {
        RateRise rise = new RateRise(RiseOptions.DEFAULTS);
        assertThat(rise.atVerdict(descend(256, 1e-3, COHERENT))).isInstanceOf(RateRise.Decision.Start.class);
        test.resetForTrial();
        // The higher rate drops the loss at once, then sits at its floor: its older half falls far faster
        // than the rate before did, its newer half is flat. A catapult looks like this too.
        descend(20, 1e-2, COHERENT);
        assertThat(rise.atVerdict(descend(108, 0, COHERENT))).isInstanceOf(RateRise.Decision.Revert.class);
    }

    @Test
    void riseStopsAtMaxRiseTimesTheStartingRate() {
        RateRise rise = new RateRise(new RiseOptions(3, 9, 10));
        double slope = 1e-4;
        int kept = 0;
        for (int trial = 0; trial < 4; trial++) {
            RateRise.Decision decision = rise.atVerdict(descend(trial == 0 ? 256 : 0, slope, COHERENT));
            if (trial > 0) {
                assertThat(decision).isEqualTo(RateRise.Decision.NONE);
                break;
            }
            while (decision instanceof RateRise.Decision.Start) {
                test.resetForTrial();
                slope *= 3;
                decision = rise.atVerdict(descend(128, slope, COHERENT));
                assertThat(decision).isInstanceOf(RateRise.Decision.Keep.class);
                kept++;
                decision = rise.atVerdict(test.verdict());
            }
        }
        assertThat(kept).isEqualTo(2);
        assertThat(rise.risen()).isEqualTo(9);
    }

    @Test
    void noTrialAtANoiseFloorOrAfterADecay() {
        RateRise atFloor = new RateRise(RiseOptions.DEFAULTS);
        StationarityTest floor = new StationarityTest(TEST);
        SplittableRandom noise = new SplittableRandom(3);
        for (int k = 0; k < 512; k++) {
            floor.record(0.5 + 1.5 * Math.exp(-k / 8.0) + 0.1 * gaussian(noise));
            if ((k + 1) % 32 == 0) {
                floor.recordCoherence(NOISE);
            }
        }
        assertThat(floor.verdict().stationary()).isTrue();
        assertThat(atFloor.atVerdict(floor.verdict())).isEqualTo(RateRise.Decision.NONE);
        assertThat(atFloor.phase()).isEqualTo(RateRise.Phase.READY);

        RateRise decayed = new RateRise(RiseOptions.DEFAULTS);
        decayed.decayed();
        assertThat(decayed.atVerdict(descend(512, 1e-3, COHERENT))).isEqualTo(RateRise.Decision.NONE);
        assertThat(decayed.phase()).isEqualTo(RateRise.Phase.DONE);
    }

    @Test
    void noTrialWhereTheGradientIsLostInItsNoiseOrItsNoiseIsUnknown() {
        RateRise noisy = new RateRise(RiseOptions.DEFAULTS);
        StationarityVerdict lost = descend(256, 1e-3, NOISE);
        assertThat(lost.noiseToSignal()).isGreaterThan(10);
        assertThat(noisy.atVerdict(lost)).isEqualTo(RateRise.Decision.NONE);
        assertThat(noisy.phase()).isEqualTo(RateRise.Phase.READY);

        StationarityTest silent = new StationarityTest(TEST);
        for (int k = 0; k < 256; k++) {
            silent.record(2 - 1e-3 * k);
        }
        assertThat(silent.verdict().noiseToSignal()).isNaN();
        assertThat(new RateRise(RiseOptions.DEFAULTS).atVerdict(silent.verdict())).isEqualTo(RateRise.Decision.NONE);
    }

    @Test
    void aStalledStartIsTriedToo() {
        RateRise rise = new RateRise(RiseOptions.DEFAULTS);
        StationarityVerdict flat = descend(256, 0, COHERENT);
        assertThat(flat.kind()).isEqualTo(StationarityVerdict.Kind.STALLED);
        assertThat(rise.atVerdict(flat)).isInstanceOfSatisfying(RateRise.Decision.Start.class,
                s -> assertThat(s.reason()).startsWith("rise trial: stalled, not at a noise floor"));
    }

    @Test
    void whenTheTrialRateIsNoBetterARiseIsKeptAtMostAsOftenAsTheConfidenceAllows() {
        int kept = 0;
        int runs = 400;
        for (int seed = 0; seed < runs; seed++) {
            SplittableRandom noise = new SplittableRandom(seed);
            StationarityTest window = new StationarityTest(TEST);
            RateRise rise = new RateRise(RiseOptions.DEFAULTS);
            for (int k = 0; k < 256; k++) {
                window.record(2 - 1e-4 * k + 0.02 * gaussian(noise));
                if ((k + 1) % 32 == 0) {
                    window.recordCoherence(COHERENT);
                }
            }
            StationarityVerdict before = window.verdict();
            if (!(rise.atVerdict(before) instanceof RateRise.Decision.Start)) {
                continue;
            }
            window.resetForTrial();
            for (int k = 0; k < 128; k++) {
                window.record(2 - 1e-4 * k + 0.02 * gaussian(noise));
                if ((k + 1) % 32 == 0) {
                    window.recordCoherence(COHERENT);
                }
            }
            if (rise.atVerdict(window.verdict()) instanceof RateRise.Decision.Keep) {
                kept++;
            }
        }
        // Same slope before and during the trial: the one-sided test at 90% keeps about 10% (sd 1.5%).
        assertThat(kept / (double) runs).isLessThan(0.15);
    }

    @Test
    void abandonEndsATrialAndFurtherOnes() {
        RateRise rise = new RateRise(RiseOptions.DEFAULTS);
        assertThat(rise.abandon()).isFalse();
        RateRise other = new RateRise(RiseOptions.DEFAULTS);
        other.atVerdict(descend(256, 1e-3, COHERENT));
        assertThat(other.abandon()).isTrue();
        assertThat(other.phase()).isEqualTo(RateRise.Phase.DONE);
    }

    @Test
    void stateRoundTripsMidTrial() {
        RateRise rise = new RateRise(RiseOptions.DEFAULTS);
        rise.atVerdict(descend(256, 1e-3, COHERENT));
        RateRise copy = new RateRise(RiseOptions.DEFAULTS);
        copy.restore(rise.state());
        assertThat(copy.state()).isEqualTo(rise.state());
        test.resetForTrial();
        StationarityVerdict trial = descend(128, 3e-3, COHERENT);
        assertThat(copy.atVerdict(trial)).isEqualTo(rise.atVerdict(trial));
    }

    @Test
    void badOptionsAndStatesAreNamed() {
        assertThatThrownBy(() -> new RiseOptions(1, 27, 10)).hasMessage("rise factor must be in (1, 10], got 1.0");
        assertThatThrownBy(() -> new RiseOptions(3, 2, 10)).hasMessage("maxRise must be in [factor = 3.0, 1000], got 2.0");
        assertThatThrownBy(() -> new RiseOptions(Double.NaN, 27, 10)).hasMessage("rise factor must be in (1, 10], got NaN");
        assertThatThrownBy(() -> new RiseOptions(3, 27, 0.5)).hasMessage("noiseScaleBelow must be in [1, 1000], got 0.5");
        assertThatThrownBy(() -> new RateRise.State(RateRise.Phase.READY, 0.5, Double.NaN, Double.NaN, 0))
                .hasMessage("risen must be finite and at least 1, got 0.5");
        assertThatThrownBy(() -> new RateRise.State(RateRise.Phase.TRIAL, 3, Double.NaN, 1e-4, 8))
                .hasMessageStartingWith("a rise trial needs a finite baseline slope");
    }
}
