package org.terrain4j.search.tpe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.terrain4j.search.SearchHistory;
import org.terrain4j.search.TrialState;
import org.terrain4j.search.space.SearchSpace;

/**
 * The per-budget TPE on histories with known answers: it fits the longest step that enough
 * trials reached, follows what that step says even where shorter steps disagree, and without any
 * intermediate loss is the plain TPE.
 */
class MultiFidelityTpeSamplerTest {

    private static final TpeOptions OPTIONS = TpeOptions.OPTUNA_DEFAULTS;

    /**
     * 30 trials on a 1-D grid, each reporting step 1 with {@code early(x)}; the first
     * {@code longer} of them also step 2 with {@code late(x)}; all complete with their last loss.
     */
    private static SearchHistory history(DoubleUnaryOperator early, int longer, DoubleUnaryOperator late) {
        SearchHistory history = new SearchHistory(SearchSpace.continuous(1));
        for (int i = 0; i < 30; i++) {
            double x = (i + 0.5) / 30;
            int id = history.suggested(new double[] {x});
            history.intermediate(id, 1, early.applyAsDouble(x));
            boolean reaches2 = i < longer;
            if (reaches2) {
                history.intermediate(id, 2, late.applyAsDouble(x));
            }
            history.complete(id, reaches2 ? late.applyAsDouble(x) : early.applyAsDouble(x));
        }
        return history;
    }

    private static double medianProposal(MultiFidelityTpeSampler sampler, SearchHistory history) {
        SplittableRandom random = new SplittableRandom(11);
        double[] xs = new double[201];
        for (int k = 0; k < xs.length; k++) {
            xs[k] = sampler.propose(history, random)[0];
        }
        Arrays.sort(xs);
        return xs[xs.length / 2];
    }

    @Test
    void fitsTheLongestStepWithEnoughTrialsAndFollowsIt() {
        MultiFidelityTpeSampler sampler = new MultiFidelityTpeSampler(OPTIONS, 0);
        DoubleUnaryOperator nearPointEight = x -> (x - 0.8) * (x - 0.8);
        DoubleUnaryOperator nearPointTwo = x -> (x - 0.2) * (x - 0.2);

        // Step 2 reached by 5 trials: fewer than the 10 a step needs, so step 1 leads to 0.8.
        assertThat(medianProposal(sampler, history(nearPointEight, 5, nearPointTwo))).isCloseTo(0.8, org.assertj.core.api.Assertions.within(0.1));
        // Step 2 reached by all 30 (and it disagrees with step 1): step 2 leads, to 0.2.
        assertThat(medianProposal(sampler, history(nearPointEight, 30, nearPointTwo))).isCloseTo(0.2, org.assertj.core.api.Assertions.within(0.1));
        assertThat(sampler.minPoints(1)).isEqualTo(10);
        assertThat(sampler.minPoints(12)).isEqualTo(15);
    }

    @Test
    void aTrialPrunedBeforeAStepIsNoObservationThereAndAPendingOneStaysPending() {
        SearchHistory history = history(x -> x, 12, x -> 1 - x);
        int pending = history.suggested(new double[] {0.99});
        history.intermediate(pending, 1, 0.0);
        history.intermediate(pending, 1, 0.1);

        SearchHistory atTwo = history.atStep(2);

        assertThat(history.maxStep()).isEqualTo(2);
        assertThat(history.countAt(2)).isEqualTo(12);
        assertThat(history.countAt(1)).as("a step reported again counts once").isEqualTo(31);
        assertThat(history.countAt(3)).isZero();
        assertThat(atTwo.inState(TrialState.COMPLETE)).hasSize(12);
        assertThat(atTwo.inState(TrialState.PENDING)).singleElement().satisfies(t -> assertThat(t.point()[0]).isEqualTo(0.99));
        assertThat(history.atStep(1).inState(TrialState.COMPLETE)).hasSize(31);
    }

    @Test
    void trialsPrunedBeforeTheStepKeepItsProposalsAwayFromWhereTheyStopped() {
        // 12 trials reach step 2, as good near 0.29 as near 0.71; 40 more near 0.7 stopped at step 1.
        SearchHistory history = new SearchHistory(SearchSpace.continuous(1));
        for (int i = 0; i < 12; i++) {
            double x = (i + 0.5) / 12;
            int id = history.suggested(new double[] {x});
            double late = Math.min(Math.abs(x - 0.29), Math.abs(x - 0.71));
            history.intermediate(id, 1, late + 1);
            history.intermediate(id, 2, late);
            history.complete(id, late);
        }
        for (int i = 0; i < 40; i++) {
            int id = history.suggested(new double[] {0.66 + 0.002 * i});
            history.intermediate(id, 1, 3.0);
            history.complete(id, 3.0);
        }
        MultiFidelityTpeSampler sampler = new MultiFidelityTpeSampler(OPTIONS, 0);
        SplittableRandom random = new SplittableRandom(13);
        int nearStopped = 0;
        int nearOther = 0;
        for (int k = 0; k < 400; k++) {
            double x = sampler.propose(history, random)[0];
            nearStopped += Math.abs(x - 0.71) < 0.1 ? 1 : 0;
            nearOther += Math.abs(x - 0.29) < 0.1 ? 1 : 0;
        }
        assertThat(nearOther).as("proposals near 0.29 (%d) against near the stopped trials (%d)", nearOther, nearStopped)
                .isGreaterThan(3 * nearStopped);
    }

    @Test
    void withoutIntermediateLossesItIsThePlainTpe() {
        SearchHistory history = new SearchHistory(SearchSpace.continuous(2));
        SplittableRandom points = new SplittableRandom(3);
        for (int i = 0; i < 20; i++) {
            double[] x = {points.nextDouble(), points.nextDouble()};
            history.complete(history.suggested(x), x[0] + x[1]);
        }
        double[] plain = new TpeSampler(OPTIONS).propose(history, new SplittableRandom(5));
        double[] perBudget = new MultiFidelityTpeSampler(OPTIONS, 0.33).propose(history, new SplittableRandom(5));
        assertThat(perBudget).containsExactly(plain);
    }

    @Test
    void badOptionsAndStepsAreNamed() {
        assertThatThrownBy(() -> new MultiFidelityTpeSampler(OPTIONS, 1.0)).hasMessage("randomFraction must be in [0, 1), got 1.0");
        SearchHistory history = new SearchHistory(SearchSpace.continuous(1));
        int id = history.suggested(new double[] {0.5});
        assertThatThrownBy(() -> history.intermediate(id, 0, 1.0)).hasMessage("steps count from 1, got 0");
        assertThatThrownBy(() -> history.intermediate(7, 1, 1.0)).hasMessageContaining("no trial 7");
    }
}
