package org.terrain4j.search.gp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.terrain4j.search.SearchHistory;
import org.terrain4j.search.space.SearchSpace;

class CostModelTest {

    /** Seconds per epoch that grow eightfold along the second coordinate, as a batch size's would shrink them. */
    private static double secondsPerEpoch(double[] x) {
        return 0.5 * Math.exp(Math.log(8) * x[1]);
    }

    /**
     * {@code count} trials at random points, each {@code overhead} seconds plus its epochs (1 in
     * {@code prunedAfterOne} of them 1 epoch, the others 9, as under a pruner), the duration times
     * a noise of up to 5%.
     */
    private static SearchHistory timed(int count, double overhead, int prunedOutOf, long seed) {
        SearchHistory history = new SearchHistory(SearchSpace.continuous(2));
        SplittableRandom random = new SplittableRandom(seed);
        for (int k = 0; k < count; k++) {
            double[] x = random.doubles(2).toArray();
            int id = history.suggested(x);
            int epochs = k % prunedOutOf == 0 ? 9 : 1;
            for (int epoch = 1; epoch <= epochs; epoch++) {
                history.intermediate(id, epoch, x[0]);
            }
            history.duration(id, (overhead + epochs * secondsPerEpoch(x)) * (1 + 0.05 * (2 * random.nextDouble() - 1)));
        }
        return history;
    }

    @Test
    void aConfigurationsPriceIsItsPredictedDurationAtTheMedianBudgetTimesTheExponent() {
        // Two trials in three stop after one epoch: a typical trial is one epoch and the overhead.
        SearchHistory pruned = timed(60, 0.2, 3, 1);
        LogCost cost = new CostModel(1, GpOptions.DEFAULTS).fit(pruned, new SplittableRandom(2)).orElseThrow();
        for (double[] x : new double[][] {{0.2, 0.1}, {0.7, 0.5}, {0.4, 0.9}}) {
            assertThat(cost.at(x)).as("at (%s, %s)", x[0], x[1]).isCloseTo(Math.log(0.2 + secondsPerEpoch(x)), within(0.1));
        }
        LogCost half = new CostModel(0.5, GpOptions.DEFAULTS).fit(pruned, new SplittableRandom(2)).orElseThrow();
        double[] centre = {0.5, 0.5};
        assertThat(half.at(centre)).isCloseTo(0.5 * Math.log(0.2 + secondsPerEpoch(centre)), within(0.05));

        // Every trial goes all 9 epochs: a typical trial is 9 epochs.
        LogCost full = new CostModel(1, GpOptions.DEFAULTS).fit(timed(60, 0.2, 1, 1), new SplittableRandom(2)).orElseThrow();
        assertThat(full.at(centre)).isCloseTo(Math.log(0.2 + 9 * secondsPerEpoch(centre)), within(0.1));
    }

    @Test
    void aTrialStoppedEarlyIsNotMistakenForACostlyConfigurationWhenTheOverheadDominates() {
        // A second of overhead per trial, epochs of milliseconds: every configuration costs about the same.
        SearchHistory history = new SearchHistory(SearchSpace.continuous(2));
        SplittableRandom random = new SplittableRandom(3);
        for (int k = 0; k < 60; k++) {
            double[] x = random.doubles(2).toArray();
            int id = history.suggested(x);
            int epochs = x[0] < 0.5 ? 1 : 8; // the left half is pruned after one epoch
            for (int epoch = 1; epoch <= epochs; epoch++) {
                history.intermediate(id, epoch, 1 - x[0]);
            }
            history.duration(id, (1 + 0.001 * epochs) * (1 + 0.05 * (2 * random.nextDouble() - 1)));
        }
        LogCost cost = new CostModel(1, GpOptions.DEFAULTS).fit(history, new SplittableRandom(4)).orElseThrow();
        assertThat(cost.at(new double[] {0.2, 0.5}) - cost.at(new double[] {0.8, 0.5})).isCloseTo(0, within(0.05));
    }

    @Test
    void thereIsNoCostWithoutThreeDurationsOrWithExponentZero() {
        assertThat(new CostModel(1, GpOptions.DEFAULTS).fit(timed(2, 0.2, 3, 1), new SplittableRandom(2))).isEmpty();
        SearchHistory untimed = new SearchHistory(SearchSpace.continuous(2));
        for (int k = 0; k < 10; k++) {
            untimed.complete(untimed.suggested(new double[] {k / 10.0, 0.5}), k);
        }
        assertThat(new CostModel(1, GpOptions.DEFAULTS).fit(untimed, new SplittableRandom(2))).isEmpty();
        assertThat(new CostModel(0, GpOptions.DEFAULTS).fit(timed(30, 0.2, 3, 1), new SplittableRandom(2))).isEmpty();
    }

    @Test
    void onlyTheMostRecentDurationsAreModelled() {
        SearchHistory recent = timed(CostModel.MOST_TRIALS, 0.2, 3, 5);
        // older trials that took a hundred times as long (on a busier machine, say) are beyond the window
        SearchHistory withOld = new SearchHistory(SearchSpace.continuous(2));
        SplittableRandom random = new SplittableRandom(6);
        for (int k = 0; k < 50; k++) {
            double[] x = random.doubles(2).toArray();
            int id = withOld.suggested(x);
            withOld.intermediate(id, 1, x[0]);
            withOld.duration(id, 100 * (0.2 + secondsPerEpoch(x)));
        }
        for (var trial : recent.trials()) {
            int id = withOld.suggested(trial.point());
            recent.intermediateOf(trial.id()).forEach((step, loss) -> withOld.intermediate(id, step, loss));
            withOld.duration(id, recent.durationOf(trial.id()));
        }
        LogCost cost = new CostModel(1, GpOptions.DEFAULTS).fit(withOld, new SplittableRandom(7)).orElseThrow();
        double[] x = {0.5, 0.5};
        assertThat(cost.at(x)).isCloseTo(Math.log(0.2 + secondsPerEpoch(x)), within(0.1));
    }
}
