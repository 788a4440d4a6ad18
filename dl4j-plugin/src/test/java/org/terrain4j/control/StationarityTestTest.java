package org.terrain4j.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StationarityTestTest {

    /** Single verdicts: a decay at the first finding of the floor, so each test below is about one verdict. */
    private static final StationarityOptions OPTIONS = new StationarityOptions(0.95, 0.3, 0, 64, 1 << 14, true, 1);
    private static final StationarityOptions CONFIRMED = OPTIONS.withConfirmations(2);
    /** 32 pure-noise mini-batch gradients: the mean's squared norm is the noise over 32. */
    private static final GradientCoherence NOISE = new GradientCoherence(32, 1.0, 1.0 / 32);
    /** 32 coherent gradients: |G|^2 = 0.59, tr(Sigma)/B = 0.41 (noise scale 0.7 batches). */
    private static final GradientCoherence COHERENT = new GradientCoherence(32, 1.0, 0.6);

    /** Records {@code iterations} losses {@code level(k) + sd * N(0,1)}, with a coherence reading every 32. */
    private static void feed(StationarityTest test, int iterations, double start, double slope, double sd,
                             GradientCoherence coherence, SplittableRandom random) {
        for (int k = 0; k < iterations; k++) {
            test.record(start + slope * k + sd * gaussian(random));
            if ((k + 1) % 32 == 0) {
                test.recordCoherence(coherence);
            }
        }
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller: exact normal samples from a seeded generator.
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    /** The loss relaxes from 2.0 to a floor of 0.5 with a time constant of 8 iterations, plus noise of 0.1. */
    private static void relaxToFloor(StationarityTest test, int iterations, SplittableRandom random) {
        relaxThenFall(test, iterations, 0, random);
    }

    /** As {@link #relaxToFloor}, and the loss keeps falling by {@code slope} an iteration after the transient. */
    private static void relaxThenFall(StationarityTest test, int iterations, double slope, SplittableRandom random) {
        for (int k = 0; k < iterations; k++) {
            long t = test.recorded();
            test.record(0.5 + 1.5 * Math.exp(-t / 8.0) - slope * t + 0.1 * gaussian(random));
            if ((t + 1) % 32 == 0) {
                test.recordCoherence(NOISE);
            }
        }
    }

    @Test
    void aStationaryNoiseFloorFiresAtTheFirstTestAt128IterationsWithTheStatedConfidence() {
        int fired = 0;
        int runs = 2000;
        for (int seed = 0; seed < runs; seed++) {
            StationarityTest test = new StationarityTest(OPTIONS);
            relaxToFloor(test, 128, new SplittableRandom(seed));
            if (test.verdict().stationary()) {
                fired++;
            }
        }
        // The older half falls without fail; the newer half is i.i.d. noise, whose batch means give
        // a slope t statistic that is exactly t-distributed: it passes the one-sided test at 95% in
        // 95% of runs (sd of the share: 0.005).
        assertThat(fired / (double) runs).isCloseTo(0.95, within(0.015));
    }

    @Test
    void aStationaryNoiseFloorThatMissedOnceFiresAtTheNextCheck() {
        int firedWithinTwoChecks = 0;
        for (int seed = 0; seed < 500; seed++) {
            StationarityTest test = new StationarityTest(OPTIONS);
            SplittableRandom random = new SplittableRandom(seed);
            relaxToFloor(test, 128, random);
            boolean fired = test.verdict().stationary();
            if (!fired) {
                relaxToFloor(test, 32, random);
                fired = test.verdict().stationary();
            }
            firedWithinTwoChecks += fired ? 1 : 0;
        }
        assertThat(firedWithinTwoChecks).isGreaterThanOrEqualTo(490);
    }

    /**
     * The share of 2000 seeds decayed within 3 checks, 128 iterations apart (epochs), while the loss
     * relaxes from 2.0 with a time constant of 8 iterations and then keeps falling by {@code slope}
     * an iteration, plus noise of 0.1.
     */
    private static double decayedDuringASlowDescent(StationarityOptions options, double slope) {
        int decayed = 0;
        for (int seed = 0; seed < 2000; seed++) {
            StationarityTest test = new StationarityTest(options);
            SplittableRandom random = new SplittableRandom(seed);
            for (int check = 0; check < 3; check++) {
                relaxThenFall(test, 128, slope, random);
                if (test.verdict().stationary()) {
                    decayed++;
                    break;
                }
            }
        }
        return decayed / 2000.0;
    }

    @Test
    void aBorderlineFindingEarlyInASlowDescentDecaysOnlyWithoutConfirmation() {
        // After the start's transient the loss still falls by 8e-4 an iteration: at the first check
        // the newer half's slope t is about -1.2 against a critical -1.89 (7 batches, 95%), and the
        // older half holds the transient, so the fall looks as if it slowed. A check later the
        // window is twice as long and the slope's t about 2.8 times larger: the descent shows.
        double single = decayedDuringASlowDescent(OPTIONS, 8e-4);
        double confirmed = decayedDuringASlowDescent(CONFIRMED, 8e-4);
        assertThat(single).isGreaterThan(0.5);
        assertThat(confirmed).isLessThan(0.1);
    }

    @Test
    void aConfirmedNoiseFloorDecaysAtTheSecondCheck() {
        int atFirst = 0;
        int atSecond = 0;
        for (int seed = 0; seed < 1000; seed++) {
            StationarityTest test = new StationarityTest(CONFIRMED);
            SplittableRandom random = new SplittableRandom(seed);
            relaxToFloor(test, 128, random);
            StationarityVerdict first = test.verdict();
            atFirst += first.stationary() ? 1 : 0;
            relaxToFloor(test, 128, random);
            StationarityVerdict second = test.verdict();
            atSecond += second.stationary() ? 1 : 0;
            if (first.kind() == StationarityVerdict.Kind.STATIONARY && seed < 50) {
                assertThat(first.describe()).contains("found at 1 check in a row (a decay waits for 2)");
            }
        }
        // The first finding never decays; the second check's window holds the first's, and both find
        // the floor in most runs (0.95 each, correlated).
        assertThat(atFirst).isZero();
        assertThat(atSecond / 1000.0).isGreaterThan(0.85);
    }

    @Test
    void aFindingThatDoesNotRepeatStartsTheCountAgain() {
        StationarityTest test = new StationarityTest(CONFIRMED);
        SplittableRandom random = new SplittableRandom(9);
        relaxToFloor(test, 128, random);
        assertThat(test.verdict().floorsInARow()).isEqualTo(1);
        // The same chain, then a steep fall: the next verdict is descending and the count starts again.
        feed(test, 256, 0.5, -2e-3, 0.02, NOISE, random);
        StationarityVerdict descending = test.verdict();
        assertThat(descending.kind()).isEqualTo(StationarityVerdict.Kind.DESCENDING);
        assertThat(descending.floorsInARow()).isZero();
        assertThat(descending.stationary()).isFalse();
    }

    @Test
    void aResetForgetsAFinding() {
        StationarityTest test = new StationarityTest(CONFIRMED);
        relaxToFloor(test, 128, new SplittableRandom(9));
        assertThat(test.verdict().floorsInARow()).isEqualTo(1);
        test.reset();
        assertThat(test.state().floorsInARow()).isZero();
    }

    @Test
    void aLossThatNeverMovedIsStalledNotStationary() {
        int stalled = 0;
        int stationary = 0;
        for (int seed = 0; seed < 2000; seed++) {
            StationarityTest test = new StationarityTest(OPTIONS);
            feed(test, 512, 0.5, 0, 0.1, NOISE, new SplittableRandom(seed));
            StationarityVerdict verdict = test.verdict();
            stalled += verdict.kind() == StationarityVerdict.Kind.STALLED ? 1 : 0;
            stationary += verdict.stationary() ? 1 : 0;
        }
        // Neither half falls in 0.95 * 0.95 of runs; a decay needs the older half to fall by chance
        // and the newer not: 0.05 * 0.95.
        assertThat(stalled / 2000.0).isCloseTo(0.9025, within(0.02));
        assertThat(stationary / 2000.0).isCloseTo(0.0475, within(0.015));
    }

    @Test
    void aSlowButSteadyDescentNeverFires() {
        // The loss falls by 1e-3 an iteration against a per-iteration noise of 0.02 (0.064 over the
        // first 64-iteration window, 0.5 over the last): the slope's t statistic is expected at -7.4
        // in the first window and falls from there, far below the critical -1.94.
        for (int seed = 0; seed < 200; seed++) {
            StationarityTest test = new StationarityTest(OPTIONS);
            SplittableRandom random = new SplittableRandom(seed);
            for (int check = 0; check < 30; check++) {
                for (int k = 0; k < 32; k++) {
                    test.record(2.0 - 1e-3 * test.recorded() + 0.02 * gaussian(random));
                }
                test.recordCoherence(NOISE);
                StationarityVerdict verdict = test.verdict();
                assertThat(verdict.kind()).as("seed %d check %d: %s", seed, check, verdict.describe())
                        .isIn(StationarityVerdict.Kind.TOO_FEW_SAMPLES, StationarityVerdict.Kind.DESCENDING);
            }
        }
    }

    @Test
    void aLongFlatStartWithACoherentGradientIsNotDecayed() {
        int decays = 0;
        for (int seed = 0; seed < 100; seed++) {
            StationarityTest test = new StationarityTest(OPTIONS);
            SplittableRandom random = new SplittableRandom(seed);
            for (int check = 0; check < 40; check++) {
                feed(test, 32, 2.3, 0, 0.05, COHERENT, random);
                if (test.verdict().stationary()) {
                    decays++;
                    test.reset();
                }
            }
        }
        // 40 checks of a flat loss, 4 to 40 of them tests: a chance decay needs the older half to fall
        // and the newer not, at most 5% of tests, and consecutive tests share most of their data.
        assertThat(decays / 100.0).isLessThan(0.5);
        StationarityTest test = new StationarityTest(OPTIONS);
        feed(test, 1280, 2.3, 0, 0.05, COHERENT, new SplittableRandom(3));
        assertThat(test.verdict().noiseToSignal()).isCloseTo((1.0 - 0.6) * 32 / (32 * 0.6 - 1), within(1e-12));
    }

    @Test
    void afterAResetTheNewRateMustRunAsLongAsTheOldOneDid() {
        StationarityTest test = new StationarityTest(OPTIONS);
        SplittableRandom random = new SplittableRandom(1);
        feed(test, 512, 0.5, 0, 0.1, NOISE, random);
        test.reset();
        feed(test, 480, 0.5, 0, 0.1, NOISE, random);
        assertThat(test.verdict().kind()).isEqualTo(StationarityVerdict.Kind.TOO_FEW_SAMPLES);
        feed(test, 32, 0.5, 0, 0.1, NOISE, random);
        assertThat(test.verdict().samples()).isEqualTo(256);
    }

    /** The share of 1000 seeds whose verdict is stationary after 512 flat iterations at 0.5, a change, and 512 at {@code after}. */
    private static double stationaryAfterAChange(boolean decay, double after, GradientCoherence coherence) {
        int stationary = 0;
        for (int seed = 0; seed < 1000; seed++) {
            StationarityTest test = new StationarityTest(OPTIONS);
            SplittableRandom random = new SplittableRandom(seed);
            feed(test, 512, 0.5, 0, 0.1, NOISE, random);
            if (decay) {
                test.resetAfterDecay();
            } else {
                test.reset();
            }
            feed(test, 512, after, 0, 0.1, coherence, random);
            stationary += test.verdict().stationary() ? 1 : 0;
        }
        return stationary / 1000.0;
    }

    @Test
    void afterADecayThatLoweredTheFloorAFlatLossIsAtTheNewRatesFloor() {
        // The decay's drop came between the windows: the new rate's loss is flat from its first
        // iteration, 0.05 below the old floor (t about 5 on 256-iteration halves). The newer half
        // passes as not falling in 95% of runs, and the level test in nearly all.
        assertThat(stationaryAfterAChange(true, 0.45, NOISE)).isCloseTo(0.95, within(0.02));
        StationarityTest test = new StationarityTest(OPTIONS);
        SplittableRandom random = new SplittableRandom(6);
        feed(test, 512, 0.5, 0, 0.1, NOISE, random);
        test.resetAfterDecay();
        feed(test, 512, 0.45, 0, 0.1, NOISE, random);
        assertThat(test.verdict().describe()).contains("level below the one the last decay was decided at: t ");
    }

    @Test
    void afterADecayThatLoweredNothingAFlatLossStaysStalled() {
        // Stationary only by chance: the level test or the flattening test passes on noise, 5% each.
        assertThat(stationaryAfterAChange(true, 0.5, NOISE)).isLessThan(0.12);
    }

    @Test
    void aLowerLevelAfterAChangeThatWasNoDecayIsNoEvidence() {
        // A reset by a rise trial given up, a rollback or a schedule: the test asks for a fall that slowed again.
        assertThat(stationaryAfterAChange(false, 0.45, NOISE)).isLessThan(0.07);
        StationarityTest test = new StationarityTest(OPTIONS);
        test.resetAfterDecay(); // nothing to compare with: no level is kept
        feed(test, 512, 0.45, 0, 0.1, NOISE, new SplittableRandom(7));
        assertThat(test.verdict().loweredT()).isNaN();
    }

    @Test
    void aLoweredFloorWithACoherentGradientIsNotDecayed() {
        assertThat(stationaryAfterAChange(true, 0.45, COHERENT)).isZero();
    }

    @Test
    void stateKeepsTheLevelTheLastDecayWasDecidedAt() {
        StationarityTest test = new StationarityTest(OPTIONS);
        SplittableRandom random = new SplittableRandom(8);
        feed(test, 300, 0.5, 0, 0.1, NOISE, random);
        test.resetAfterDecay();
        feed(test, 320, 0.45, 0, 0.1, NOISE, random);
        StationarityTest restored = new StationarityTest(OPTIONS);
        restored.restore(test.state());

        assertThat(test.state().floorBefore()).isNotNull();
        assertThat(restored.verdict()).isEqualTo(test.verdict());
        assertThat(restored.verdict().loweredT()).isGreaterThan(restored.verdict().loweredCritical());
    }

    /**
     * Two epochs of 256 iterations: the loss falls by 0.05 an epoch, and within each epoch the
     * recency of the examples raises it by as much, so it is flat within epochs and falls only at
     * their boundaries; noise 0.05.
     */
    private static StationarityVerdict recencyHeldFlat(boolean periodKnown, long seed) {
        StationarityTest test = new StationarityTest(OPTIONS);
        if (periodKnown) {
            test.setPeriod(256);
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int k = 0; k < 512; k++) {
            test.record(0.5 - 0.05 * k / 256.0 + 0.05 * (k % 256) / 256.0
                    + 0.05 * gaussian(random));
            if ((k + 1) % 32 == 0) {
                test.recordCoherence(NOISE);
            }
        }
        return test.verdict();
    }

    @Test
    void withTheEpochKnownTheVerdictSaysWhatTheLossDidAgainstTheEpochBefore() {
        StationarityVerdict verdict = recencyHeldFlat(true, 3);
        // The last half epoch, compared with the same iterations an epoch earlier; the halves are the epochs.
        assertThat(verdict.epochLag()).isEqualTo(256);
        assertThat(verdict.epochChange()).isCloseTo(-0.05, within(0.015));
        assertThat(verdict.epochChangeT()).isLessThan(-5);
        assertThat(verdict.describe()).contains("against the same iterations 256 earlier (whole epochs, said, not "
                + "decided on) the loss changed by -0.0");
        // Within the window the recency holds the loss flat: the slopes see no descent.
        assertThat(verdict.newerSlopeT()).isGreaterThan(-verdict.critical());
    }

    /**
     * Epochs of 256 iterations whose loss falls by {@code perEpoch} from one epoch to the next while
     * recency raises it by as much within each epoch (flat within epochs, falling at their
     * boundaries, as on repeating data a network memorizes); {@code drop} lowers every loss, noise 0.05.
     */
    private static void memorizing(StationarityTest test, int epochs, double start, double perEpoch, double drop,
                                   SplittableRandom random) {
        for (int k = 0; k < 256 * epochs; k++) {
            test.record(start - drop - perEpoch * (k / 256) + perEpoch * (k % 256) / 256.0 + 0.05 * gaussian(random));
            if ((k + 1) % 32 == 0) {
                test.recordCoherence(NOISE);
            }
        }
    }

    @Test
    void onRepeatingDataADecayPaysOnlyBeyondTheFallFromOneEpochToTheNext() {
        int paid = 0;
        int nothing = 0;
        for (long seed = 0; seed < 200; seed++) {
            for (double drop : new double[] {0, 0.05}) {
                StationarityTest test = new StationarityTest(OPTIONS);
                test.setPeriod(256);
                SplittableRandom random = new SplittableRandom(seed);
                memorizing(test, 3, 1.0, 0.05, 0, random);
                test.resetAfterDecay();
                // The memorization goes on from where it was: the decay adds nothing, or lowers every loss by 0.05.
                memorizing(test, 3, 1.0 - 3 * 0.05, 0.05, drop, random);
                StationarityVerdict verdict = test.verdict();
                assertThat(verdict.loweredT()).isNotNaN();
                boolean lowered = verdict.loweredT() > verdict.loweredCritical();
                if (drop > 0 && lowered) {
                    paid++;
                } else if (drop == 0 && lowered) {
                    nothing++;
                }
            }
        }
        // Against the level alone, the decay that added nothing would look paid: the loss fell by
        // 0.15 since it, on memorization alone. The trend is measured on half an epoch of
        // differences, whose error over three epochs is most of the test's (power about 75% for a
        // drop of one noise standard deviation).
        assertThat(nothing).isLessThanOrEqualTo(200 / 20);
        assertThat(paid).isGreaterThan(130);
    }

    @Test
    void afterADecayJudgedAgainstTheTrendItsOwnDropIsNoArrival() {
        // The new rate's window opens with the decay's transient (0.15 above the level it settles
        // at, time constant 60 iterations): its older half falls steeply, the newer half no more
        // than the memorization. The flattening test sees the decay's own drop; only the level counts.
        int flattened = 0;
        int stationary = 0;
        for (long seed = 0; seed < 100; seed++) {
            StationarityTest test = new StationarityTest(OPTIONS);
            test.setPeriod(256);
            SplittableRandom random = new SplittableRandom(seed);
            memorizing(test, 3, 1.0, 0.05, 0, random);
            test.resetAfterDecay();
            for (int k = 0; k < 768; k++) {
                test.record(0.85 - 0.05 * (k / 256) + 0.05 * (k % 256) / 256.0 + 0.15 * Math.exp(-k / 60.0)
                        + 0.05 * gaussian(random));
                if ((k + 1) % 32 == 0) {
                    test.recordCoherence(NOISE);
                }
            }
            StationarityVerdict verdict = test.verdict();
            flattened += verdict.flatteningT() > verdict.flatteningCritical() ? 1 : 0;
            stationary += verdict.kind() == StationarityVerdict.Kind.STATIONARY ? 1 : 0;
        }
        assertThat(flattened).isGreaterThan(90);
        assertThat(stationary).isLessThanOrEqualTo(5);
    }

    @Test
    void aDecayBeforeTheDataRepeatedHasNoLevelToBeJudgedAgainst() {
        // Decided in the first epoch, on examples not yet seen; the levels after it are on examples
        // seen since, lower by memorization, whatever the decay did.
        StationarityTest test = new StationarityTest(OPTIONS);
        SplittableRandom random = new SplittableRandom(9);
        feed(test, 256, 0.5, 0, 0.05, NOISE, random);
        test.setPeriod(256);
        test.resetAfterDecay();
        memorizing(test, 2, 0.45, 0.05, 0, random);
        assertThat(test.state().floorBefore()).isNull();
        assertThat(test.verdict().loweredT()).isNaN();
    }

    @Test
    void stateKeepsTheTrendADecayIsJudgedAgainst() {
        StationarityTest test = new StationarityTest(OPTIONS);
        test.setPeriod(256);
        SplittableRandom random = new SplittableRandom(10);
        memorizing(test, 3, 1.0, 0.05, 0, random);
        test.resetAfterDecay();
        memorizing(test, 3, 0.85, 0.05, 0.05, random);
        StationarityTest restored = new StationarityTest(OPTIONS);
        restored.restore(test.state());
        restored.setPeriod(256);

        assertThat(test.state().trendBefore().mean()).isCloseTo(-0.05 / 256, within(0.02 / 256));
        assertThat(test.state().floorLead()).isPositive();
        assertThat(restored.verdict()).isEqualTo(test.verdict());
        assertThat(test.verdict().describe()).contains("level below the one the last decay was decided at moved on "
                + "by the rate before's fall from one epoch to the next (-0.000");
    }

    @Test
    void withoutADecayTheComparisonAcrossEpochsDecidesNothing() {
        for (long seed = 0; seed < 50; seed++) {
            StationarityVerdict known = recencyHeldFlat(true, seed);
            StationarityVerdict unknown = recencyHeldFlat(false, seed);
            assertThat(known.kind()).isEqualTo(unknown.kind());
            assertThat(known.stationary()).isEqualTo(unknown.stationary());
            assertThat(unknown.epochLag()).isZero();
            assertThat(unknown.epochChangeT()).isNaN();
        }
    }

    @Test
    void anEpochTooLongForTheCapacityIsNotCompared() {
        StationarityTest test = new StationarityTest(OPTIONS);
        test.setPeriod(1 << 13); // more than half the capacity of 16384 less a test's 64
        feed(test, 3 << 13, 0.5, 0, 0.1, NOISE, new SplittableRandom(4));
        assertThat(test.verdict().epochLag()).isZero();
        test.setPeriod(1000);
        assertThat(test.verdict().epochLag()).isEqualTo(8000);
    }

    @Test
    void theTestedWindowIsTheNewerHalfInSquareRootBatches() {
        StationarityTest test = new StationarityTest(OPTIONS);
        feed(test, 300, 0.5, 0, 0.1, NOISE, new SplittableRandom(2));
        StationarityVerdict verdict = test.verdict();
        // 150 iterations: batches of 12, 12 of them (144 iterations)
        assertThat(verdict.samples()).isEqualTo(144);
        assertThat(verdict.batches()).isEqualTo(12);
        assertThat(verdict.critical()).isCloseTo(1.8125, within(1e-4)); // t(0.95, 10 df)
    }

    @Test
    void aNonFiniteLossInTheWindowIsNoNoiseFloor() {
        StationarityTest test = new StationarityTest(OPTIONS);
        feed(test, 200, 0.5, 0, 0.1, NOISE, new SplittableRandom(4));
        test.record(Double.NaN);
        assertThat(test.verdict().kind()).isEqualTo(StationarityVerdict.Kind.TOO_FEW_SAMPLES);
    }

    @Test
    void stateRestoresTheSameVerdict() {
        StationarityTest test = new StationarityTest(OPTIONS);
        SplittableRandom random = new SplittableRandom(5);
        feed(test, 100, 0.5, 0, 0.1, NOISE, random);
        test.reset();
        feed(test, 160, 0.8, -1e-3, 0.1, NOISE, random);
        StationarityTest restored = new StationarityTest(OPTIONS);
        restored.restore(test.state());

        assertThat(restored.verdict()).isEqualTo(test.verdict());
        assertThat(restored.state().previousStretch()).isEqualTo(100);
        StationarityTest floor = new StationarityTest(CONFIRMED);
        relaxToFloor(floor, 128, new SplittableRandom(9));
        assertThat(floor.verdict().floorsInARow()).isEqualTo(1);
        StationarityTest resumed = new StationarityTest(CONFIRMED);
        resumed.restore(floor.state());
        assertThat(resumed.state().floorsInARow()).isEqualTo(1);
    }

    @Test
    void optionsNameTheBadValue() {
        assertThatThrownBy(() -> OPTIONS.withConfidence(1.0)).hasMessage("confidence must be in [0.5, 1), got 1.0");
        assertThatThrownBy(() -> OPTIONS.withFactor(0)).hasMessage("factor must be in (0, 1), got 0.0");
        assertThatThrownBy(() -> OPTIONS.withMinSamples(8)).hasMessage("minSamples must be at least 16, got 8");
        assertThatThrownBy(() -> OPTIONS.withMinLearningRate(Double.NaN))
                .hasMessage("minLearningRate must be finite and non-negative, got NaN");
        assertThatThrownBy(() -> OPTIONS.withConfirmations(0)).hasMessage("confirmations must be in [1, 100], got 0");
        assertThatThrownBy(() -> new StationarityOptions(0.95, 0.3, 0, 64, 127, true, 1))
                .hasMessage("capacity must be in [2 * minSamples = 128, 1048576], got 127");
        // The smallest capacity allowed decides: two halves of minSamples fit.
        StationarityOptions smallest = new StationarityOptions(0.95, 0.3, 0, 64, 128, true, 1);
        StationarityTest test = new StationarityTest(smallest);
        for (int t = 0; t < 200; t++) {
            test.record(1.0 + 0.01 * Math.sin(t));
        }
        assertThat(test.verdict().kind()).isNotEqualTo(StationarityVerdict.Kind.TOO_FEW_SAMPLES);
    }

    @Test
    void aDecayIsFactorTimesTheRateButNeverBelowTheMinimum() {
        StationarityOptions options = OPTIONS.withMinLearningRate(0.01);
        assertThat(options.reduce(0.1)).isCloseTo(0.03, within(1e-15));
        assertThat(options.reduce(0.02)).isEqualTo(0.01);
        assertThat(options.reduce(0.01)).isEqualTo(0.01);
    }
}
