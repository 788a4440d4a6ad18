package org.terrain4j.search.gp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.terrain4j.search.SearchHistory;
import org.terrain4j.search.Trial;

class AcquisitionMaximizerTest {

    /**
     * A search whose cheap end is slightly poorer ({@link GpSamplerTest#cheapIsPoor}, by 0.01 of
     * a loss range of 0.5): per second, that end looks best to expected improvement.
     */
    private record Search(GaussianProcess gp, LogCost cost, double best, long seed) {
        static Search of(long seed) {
            SearchHistory history = GpSamplerTest.cheapIsPoor(seed, 0.01);
            List<Trial> trials = history.trials();
            double[][] x = trials.stream().map(Trial::point).toArray(double[][]::new);
            Standardization z = Standardization.of(trials.stream().mapToDouble(Trial::loss).toArray());
            double[] y = trials.stream().mapToDouble(t -> z.apply(t.loss())).toArray();
            GaussianProcess gp = GaussianProcess.condition(x, y,
                    GpOptions.DEFAULTS.hyperparameterFit().fit(x, y, Optional.empty(), new SplittableRandom(seed)));
            LogCost cost = GpSamplerTest.PER_SECOND.costModel().fit(history, new SplittableRandom(seed)).orElseThrow();
            return new Search(gp, cost, z.best(), seed);
        }

        double[] firstPerCost(double slack) {
            return GpOptions.DEFAULTS.acquisitionMaximizer().maximize(gp, GpOptions.DEFAULTS.acquisition(), cost, slack,
                    best, List.of(), new SplittableRandom(seed)).get(0).point();
        }

        double largestWorth() {
            return GpOptions.DEFAULTS.acquisitionMaximizer().maximize(gp, GpOptions.DEFAULTS.acquisition(), best, List.of(),
                    new SplittableRandom(seed)).get(0).score();
        }

        double worth(double[] point) {
            return AcquisitionMaximizer.score(gp, GpOptions.DEFAULTS.acquisition(), best, point);
        }
    }

    @Test
    void perSecondTheFirstCandidateGivesUpAtMostTheSlackOfExpectedImprovement() {
        int unboundedWentCheap = 0;
        for (long seed = 1; seed <= 3; seed++) {
            Search search = Search.of(seed);
            double largest = search.largestWorth();
            double[] bounded = search.firstPerCost(CostModel.SLACK);
            assertThat(search.worth(bounded)).as("seed %s: log expected improvement of the first", seed)
                    .isGreaterThanOrEqualTo(largest - Math.log(CostModel.SLACK) - 1e-9);
            double[] unbounded = search.firstPerCost(Double.POSITIVE_INFINITY);
            if (unbounded[1] < 0.3 && search.worth(unbounded) < largest - Math.log(CostModel.SLACK)) {
                unboundedWentCheap++;
            }
        }
        assertThat(unboundedWentCheap).as("searches whose improvement per second without a slack went to the cheap end,"
                + " giving up more than the slack").isPositive();
    }
}
