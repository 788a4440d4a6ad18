package org.terrain4j.search.gp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.EnumSet;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.terrain4j.search.SearchHistory;
import org.terrain4j.search.space.SearchSpace;

class GpSamplerTest {

    /** Expected improvement per second: the defaults ignore time. */
    static final GpOptions PER_SECOND = GpOptions.DEFAULTS.withCostExponent(1);

    /** A sum of one-coordinate wiggles, as Schwefel's function is. */
    private static double separable(double[] x) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += Math.sin(9 * x[i] + i);
        }
        return sum;
    }

    private static void observe(SearchHistory history, SplittableRandom random, int count) {
        for (int a = 0; a < count; a++) {
            double[] x = random.doubles(4).toArray();
            history.complete(history.suggested(x), separable(x));
        }
    }

    @Test
    void theKernelsAreComparedAgainOnlyOnceTheObservationsGrewByATenth() {
        SearchHistory history = new SearchHistory(SearchSpace.continuous(4));
        SplittableRandom random = new SplittableRandom(1);
        observe(history, random, 40);
        GpSampler sampler = new GpSampler(GpOptions.DEFAULTS);

        sampler.propose(history, new SplittableRandom(2));
        assertThat(sampler.lastFit().orElseThrow().kernel()).isEqualTo(Kernel.ADDITIVE);
        assertThat(sampler.nextComparison()).isEqualTo(44);

        observe(history, random, 3);
        sampler.propose(history, new SplittableRandom(3));
        assertThat(sampler.nextComparison()).as("43 < 44 observations: the chosen kernel alone").isEqualTo(44);
        assertThat(sampler.lastFit().orElseThrow().kernel()).isEqualTo(Kernel.ADDITIVE);

        observe(history, random, 1);
        sampler.propose(history, new SplittableRandom(4));
        assertThat(sampler.nextComparison()).as("compared at 44, next at ceil(44 * 1.1)").isEqualTo(49);
    }

    @Test
    void itsOptionsRefitGrowthKeepsTheLastFitUntilTheObservationsGrewByIt() {
        SearchHistory history = new SearchHistory(SearchSpace.continuous(4));
        SplittableRandom random = new SplittableRandom(1);
        observe(history, random, 40);
        GpSampler sampler = new GpSampler(GpOptions.DEFAULTS.withRefitGrowth(1.05));
        sampler.propose(history, new SplittableRandom(2));
        GpHyperparameters first = sampler.lastFit().orElseThrow();
        observe(history, random, 1);
        sampler.propose(history, new SplittableRandom(3));
        assertThat(sampler.lastFit().orElseThrow()).as("41 < ceil(40 * 1.05) observations").isSameAs(first);
        observe(history, random, 1);
        sampler.propose(history, new SplittableRandom(4));
        assertThat(sampler.lastFit().orElseThrow()).as("42 observations: refitted").isNotSameAs(first);
    }

    @Test
    void oneKernelIsAllThatIsFittedWhenTheOptionsNameOne() {
        SearchHistory history = new SearchHistory(SearchSpace.continuous(4));
        observe(history, new SplittableRandom(5), 30);
        GpSampler sampler = new GpSampler(GpOptions.DEFAULTS.withKernels(EnumSet.of(Kernel.PRODUCT)));
        sampler.propose(history, new SplittableRandom(6));
        assertThat(sampler.lastFit().orElseThrow().kernel()).isEqualTo(Kernel.PRODUCT);
    }

    /** Observations of (x - 0.5)^2 away from its minimum, and optionally a trial still running at it. */
    private static SearchHistory bowl(boolean pendingAtMinimum) {
        SearchHistory history = new SearchHistory(SearchSpace.continuous(1));
        for (double x : new double[] {0.05, 0.2, 0.3, 0.7, 0.8, 0.95}) {
            history.complete(history.suggested(new double[] {x}), (x - 0.5) * (x - 0.5));
        }
        if (pendingAtMinimum) {
            history.suggested(new double[] {0.5});
        }
        return history;
    }

    @Test
    void aPendingTrialBelievedBetterThanTheBestIsTheIncumbentSoTheNextProposalDoesNotCrowdIt() {
        double alone = new GpSampler(GpOptions.DEFAULTS).propose(bowl(false), new SplittableRandom(7))[0];
        assertThat(alone).as("without the pending trial the model proposes its minimum").isCloseTo(0.5, within(0.05));

        double beside = new GpSampler(GpOptions.DEFAULTS).propose(bowl(true), new SplittableRandom(7))[0];
        // Measured against the observed best (0.04) instead, the running trial at 0.5 is believed to
        // gain about 0.04 for certain, and the proposal lands 5e-9 from it (measured).
        assertThat(Math.abs(beside - 0.5)).as("proposal %s beside the running trial at 0.5", beside)
                .isGreaterThan(0.02);
    }

    /**
     * Trials of a loss that depends on the first coordinate alone, (x - 0.3)^2, whose epochs take
     * eight times as long at one end of the second coordinate as at the other; each ran 2 epochs.
     */
    static SearchHistory costlyAlongSecond(long seed) {
        SearchHistory history = new SearchHistory(SearchSpace.continuous(2));
        SplittableRandom random = new SplittableRandom(seed);
        for (int k = 0; k < 16; k++) {
            double[] x = random.doubles(2).toArray();
            double loss = (x[0] - 0.3) * (x[0] - 0.3);
            int id = history.suggested(x);
            history.intermediate(id, 1, loss + 0.1);
            history.intermediate(id, 2, loss);
            history.complete(id, loss);
            history.duration(id, 2 * 0.5 * Math.exp(Math.log(8) * x[1]));
        }
        return history;
    }

    @Test
    void ofConfigurationsRatedAlikeTheCheaperIsProposed() {
        double[] aware = new double[2];
        double[] blind = new double[2];
        for (long seed = 1; seed <= 5; seed++) {
            double[] a = new GpSampler(PER_SECOND).propose(costlyAlongSecond(seed), new SplittableRandom(seed));
            double[] b = new GpSampler(GpOptions.DEFAULTS).propose(costlyAlongSecond(seed),
                    new SplittableRandom(seed));
            assertThat(a[0]).as("seed %s: still where the loss is least", seed).isCloseTo(0.3, within(0.1));
            aware[0] += a[1] / 5;
            blind[0] += b[1] / 5;
        }
        assertThat(aware[0]).as("mean second coordinate per second").isLessThan(0.15).isLessThan(blind[0]);
    }

    /**
     * Trials whose loss is least at (0.3, 1), the costly end of the second coordinate: a trial
     * there takes a hundred times one at 0, where the loss is worse by {@code poorer}.
     */
    static SearchHistory cheapIsPoor(long seed, double poorer) {
        SearchHistory history = new SearchHistory(SearchSpace.continuous(2));
        SplittableRandom random = new SplittableRandom(seed);
        for (int k = 0; k < 16; k++) {
            double[] x = random.doubles(2).toArray();
            double loss = (x[0] - 0.3) * (x[0] - 0.3) + poorer * (1 - x[1]);
            int id = history.suggested(x);
            history.complete(id, loss);
            history.duration(id, Math.exp(Math.log(100) * x[1]));
        }
        return history;
    }

    @Test
    void aCheapConfigurationTheModelRatesPoorlyIsNotProposedForItsPrice() {
        for (long seed = 1; seed <= 3; seed++) {
            double[] next = new GpSampler(PER_SECOND).propose(cheapIsPoor(seed, 0.5), new SplittableRandom(seed));
            assertThat(next[1]).as("seed %s: %s", seed, java.util.Arrays.toString(next)).isGreaterThan(0.7);
        }
    }
}
