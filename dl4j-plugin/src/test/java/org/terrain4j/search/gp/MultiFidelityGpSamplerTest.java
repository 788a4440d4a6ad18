package org.terrain4j.search.gp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.terrain4j.search.SearchHistory;
import org.terrain4j.search.space.SearchSpace;

/**
 * The Gaussian process over (configuration, budget) on histories with known answers, shaped as
 * ASHA leaves them (most trials stopped after one epoch, a few promoted): it finds the good
 * configurations from trials stopped early where a model of the final losses is misled by their
 * unequal budgets, follows the largest budget where it disagrees with the first, and without
 * intermediate losses is the plain Gaussian process.
 */
class MultiFidelityGpSamplerTest {

    /** The loss after {@code step} epochs: a bowl at {@code centre} plus a learning curve every configuration shares. */
    private static double loss(double[] x, double[] centre, int step) {
        double d2 = 0;
        for (int i = 0; i < x.length; i++) {
            d2 += (x[i] - centre[i]) * (x[i] - centre[i]);
        }
        return d2 + 1.0 / step;
    }

    /**
     * 24 uniform configurations in 2-D, each reporting epoch 1; successive halving by a factor 3
     * on that epoch's losses promotes the best 8 to epoch 3 and the best 2 of those to epoch 9,
     * but here the promotion is by a shuffled order, as noise in early scores makes it: what
     * reaches the longest budget is not the best region. Every trial completes with its last loss.
     */
    private static SearchHistory ashaLike(double[] centre, long seed) {
        SearchHistory history = new SearchHistory(SearchSpace.continuous(2));
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 24; i++) {
            double[] x = {random.nextDouble(), random.nextDouble()};
            int id = history.suggested(x);
            int last = i % 12 == 0 ? 9 : i % 3 == 0 ? 3 : 1;
            for (int step = 1; step <= last; step++) {
                history.intermediate(id, step, loss(x, centre, step));
            }
            history.complete(id, loss(x, centre, last));
        }
        return history;
    }

    private static double distance(double[] a, double[] b) {
        return Math.hypot(a[0] - b[0], a[1] - b[1]);
    }

    @Test
    void trialsStoppedEarlyShowWhereTheGoodConfigurationsAreWhereFinalLossesMislead() {
        double[] centre = {0.3, 0.7};
        double[] multiFidelity = new double[10];
        double[] finalOnly = new double[10];
        for (int seed = 0; seed < 10; seed++) {
            SearchHistory history = ashaLike(centre, seed);
            multiFidelity[seed] = distance(new MultiFidelityGpSampler(GpOptions.DEFAULTS)
                    .propose(history, new SplittableRandom(seed)), centre);
            finalOnly[seed] = distance(new GpSampler(GpOptions.DEFAULTS).propose(history, new SplittableRandom(seed)),
                    centre);
        }
        Arrays.sort(multiFidelity);
        Arrays.sort(finalOnly);
        // The final losses mix budgets: a trial stopped at epoch 1 carries +1, one at epoch 9 +0.11,
        // more than the bowl's depth across most of the square, so that model chases the long trials.
        // Measured: medians 0.0013 and 0.31.
        assertThat(multiFidelity[5]).isLessThan(0.02);
        assertThat(finalOnly[5]).isGreaterThan(0.1);
    }

    @Test
    void theLargestBudgetLeadsWhereItDisagreesWithTheFirst() {
        // 1-D: epoch 1 prefers 0.8; by epoch 4 the loss prefers 0.2. Half the trials reach epoch 4.
        SearchHistory history = new SearchHistory(SearchSpace.continuous(1));
        for (int i = 0; i < 20; i++) {
            double x = (i + 0.5) / 20;
            int id = history.suggested(new double[] {x});
            int last = i % 2 == 0 ? 4 : 1;
            double value = Double.NaN;
            for (int step = 1; step <= last; step++) {
                double w = (step - 1) / 3.0;
                value = w * (x - 0.2) * (x - 0.2) + (1 - w) * (x - 0.8) * (x - 0.8);
                history.intermediate(id, step, value);
            }
            history.complete(id, value);
        }
        double[] proposals = new double[9];
        MultiFidelityGpSampler sampler = new MultiFidelityGpSampler(GpOptions.DEFAULTS);
        for (int k = 0; k < proposals.length; k++) {
            proposals[k] = sampler.propose(history, new SplittableRandom(k))[0];
        }
        Arrays.sort(proposals);
        assertThat(proposals[4]).isCloseTo(0.2, within(0.02));
    }

    @Test
    void withoutIntermediateLossesItIsThePlainGaussianProcess() {
        SearchHistory history = new SearchHistory(SearchSpace.continuous(2));
        SplittableRandom points = new SplittableRandom(3);
        for (int i = 0; i < 12; i++) {
            double[] x = {points.nextDouble(), points.nextDouble()};
            history.complete(history.suggested(x), x[0] + x[1]);
        }
        history.fail(history.suggested(new double[] {0.9, 0.9}));
        double[] plain = new GpSampler(GpOptions.DEFAULTS).propose(history, new SplittableRandom(5));
        double[] joint = new MultiFidelityGpSampler(GpOptions.DEFAULTS).propose(history, new SplittableRandom(5));
        assertThat(joint).containsExactly(plain);
    }

    @Test
    void aFailedTrialIsAvoidedAndAPendingOneIsNotProposedAgain() {
        SearchHistory history = ashaLike(new double[] {0.5, 0.5}, 1);
        int failed = history.suggested(new double[] {0.5, 0.5});
        history.intermediate(failed, 1, 0.9);
        history.fail(failed);
        int pending = history.suggested(new double[] {0.45, 0.55});
        history.intermediate(pending, 1, 1.0);
        double[] next = new MultiFidelityGpSampler(GpOptions.DEFAULTS).propose(history, new SplittableRandom(2));
        assertThat(next).isNotEqualTo(new double[] {0.45, 0.55});
        assertThat(distance(next, new double[] {0.5, 0.5})).isGreaterThan(1e-3);
    }

    @Test
    void pastTheRowLimitEveryTrialKeepsItsLastRowAndTheLongestLearningCurvesStay() {
        // 24 trials: 16 stopped at epoch 1 (one row), 6 at epoch 3 (rows 1, 2 before the last),
        // 2 at epoch 9 (rows 1, 2, 4, 8 before it): 24 + 12 + 8 = 44 rows.
        SearchHistory history = ashaLike(new double[] {0.5, 0.5}, 4);
        assertThat(MultiFidelityGpSampler.Rows.of(history, 1000).points).hasSize(44);
        assertThat(MultiFidelityGpSampler.rowsWithoutLimit(history)).isEqualTo(44);
        assertThat(MultiFidelityGpSampler.rowsWithoutLimit(new SearchHistory(SearchSpace.continuous(2)))).isZero();

        MultiFidelityGpSampler.Rows limited = MultiFidelityGpSampler.Rows.of(history, 34);
        assertThat(limited.points).hasSize(34);
        assertThat(limited.configurations).hasSize(24);
        Map<List<Double>, Integer> rowsPerTrial = new HashMap<>();
        for (double[] row : limited.points) {
            rowsPerTrial.merge(List.of(row[0], row[1]), 1, Integer::sum);
        }
        for (int id = 0; id < 24; id++) {
            double[] x = history.trials().get(id).point();
            int expected = id % 12 == 0 ? 5 : id == 21 ? 3 : 1;
            assertThat(rowsPerTrial.get(List.of(x[0], x[1]))).as("rows of trial %d", id).isEqualTo(expected);
        }
        // Budgets are log(step) / log(9): step 8 only in the two long curves, step 2 in those and trial 21's.
        assertThat(limited.points.stream().filter(row -> Math.abs(row[2] - Math.log(8) / Math.log(9)) < 1e-12)).hasSize(2);
        assertThat(limited.points.stream().filter(row -> Math.abs(row[2] - Math.log(2) / Math.log(9)) < 1e-12)).hasSize(3);
    }

    @Test
    void itsOptionsRefitGrowthKeepsTheLastFitUntilTheRowsGrewByIt() {
        for (double growth : new double[] {1, 1.1}) {
            SearchHistory history = ashaLike(new double[] {0.5, 0.5}, 2);
            MultiFidelityGpSampler sampler = new MultiFidelityGpSampler(GpOptions.DEFAULTS.withRefitGrowth(growth));
            sampler.propose(history, new SplittableRandom(1));
            GpHyperparameters first = sampler.lastFit().orElseThrow();
            int id = history.suggested(new double[] {0.4, 0.6});
            history.intermediate(id, 1, 1.1);
            history.complete(id, 1.1);
            sampler.propose(history, new SplittableRandom(2));
            if (growth == 1) {
                assertThat(sampler.lastFit().orElseThrow()).as("refitted at every proposal").isNotSameAs(first);
            } else {
                assertThat(sampler.lastFit().orElseThrow()).as("one row more: the last fit stands").isSameAs(first);
            }
        }
    }

    @Test
    void theRowLimitIsCheckedWhenTheSamplerIsBuiltNamingItsValue() {
        assertThatThrownBy(() -> new MultiFidelityGpSampler(GpOptions.DEFAULTS, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxRows must be at least 2, got 1");
        SearchHistory history = ashaLike(new double[] {0.5, 0.5}, 4);
        double[] limited = new MultiFidelityGpSampler(GpOptions.DEFAULTS, 34).propose(history, new SplittableRandom(2));
        assertThat(limited).hasSize(2);
        assertThat(Arrays.stream(limited)).allSatisfy(v -> assertThat(v).isBetween(0.0, 1.0));
        // The limit reaches the model: at the 44 rows the history has, it is the unlimited sampler; below, another model.
        double[] unlimited = new MultiFidelityGpSampler(GpOptions.DEFAULTS, 1000).propose(history, new SplittableRandom(2));
        assertThat(new MultiFidelityGpSampler(GpOptions.DEFAULTS, 44).propose(history, new SplittableRandom(2)))
                .containsExactly(unlimited);
        assertThat(limited).isNotEqualTo(unlimited);
    }

    @Test
    void ofConfigurationsRatedAlikeTheCheaperPerEpochIsProposed() {
        double aware = 0;
        double blind = 0;
        for (long seed = 1; seed <= 5; seed++) {
            double[] a = new MultiFidelityGpSampler(GpSamplerTest.PER_SECOND).propose(GpSamplerTest.costlyAlongSecond(seed),
                    new SplittableRandom(seed));
            double[] b = new MultiFidelityGpSampler(GpOptions.DEFAULTS)
                    .propose(GpSamplerTest.costlyAlongSecond(seed), new SplittableRandom(seed));
            assertThat(a[0]).as("seed %s: still where the loss is least", seed).isCloseTo(0.3, within(0.1));
            aware += a[1] / 5;
            blind += b[1] / 5;
        }
        assertThat(aware).as("mean second coordinate per second").isLessThan(0.15).isLessThan(blind);
    }
}
