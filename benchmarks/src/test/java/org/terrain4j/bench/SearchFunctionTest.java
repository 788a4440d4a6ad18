package org.terrain4j.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Each benchmark function at its published minimizer (Surjanovic and Bingham) equals its
 * published minimum, and nowhere in a sample of its box is it below it.
 */
class SearchFunctionTest {

    private static double[] filled(int n, double v) {
        double[] x = new double[n];
        java.util.Arrays.fill(x, v);
        return x;
    }

    private static final Map<SearchFunction, double[]> MINIMIZERS = Map.of(
            SearchFunction.BRANIN, new double[] {Math.PI, 2.275},
            SearchFunction.HARTMANN6, new double[] {0.20169, 0.150011, 0.476874, 0.275332, 0.311652, 0.6573},
            SearchFunction.HARTMANN3, new double[] {0.114614, 0.555649, 0.852547},
            SearchFunction.LEVY4, filled(4, 1),
            SearchFunction.ROSENBROCK4, filled(4, 1),
            SearchFunction.SCHWEFEL4, filled(4, 420.968746),
            SearchFunction.RASTRIGIN5, filled(5, 0),
            SearchFunction.STYBLINSKI_TANG8, filled(8, -2.903534),
            SearchFunction.ACKLEY10, filled(10, 0));

    @Test
    void eachFunctionMeetsItsPublishedMinimumAtItsMinimizerAndNeverGoesBelow() {
        MINIMIZERS.forEach((function, x) -> assertThat(function.regret(x)).as("%s", function).isCloseTo(0, within(1e-5)));
        Random random = new Random(1);
        for (SearchFunction function : SearchFunction.values()) {
            for (int i = 0; i < 20_000; i++) {
                double[] x = new double[function.dimension()];
                for (int d = 0; d < x.length; d++) {
                    x[d] = function.lower(d) + random.nextDouble() * (function.upper(d) - function.lower(d));
                }
                assertThat(function.regret(x)).as("%s", function).isGreaterThan(-1e-9);
            }
        }
    }

    /** The Optuna peer's own values (benchmarks/peers/search_functions.py) at a point off every minimizer. */
    private static final Map<SearchFunction, Double> PEER_VALUES = Map.of(
            SearchFunction.BRANIN, 39.38033074363328, SearchFunction.HARTMANN6, -1.20321196238634,
            SearchFunction.HARTMANN3, -0.42776610316974195, SearchFunction.LEVY4, 26.319017622890481,
            SearchFunction.ROSENBROCK4, 20.293322000000003, SearchFunction.SCHWEFEL4, 1198.160599709827,
            SearchFunction.RASTRIGIN5, 77.279482006289413, SearchFunction.MICHALEWICZ5, -1.056090317025419,
            SearchFunction.STYBLINSKI_TANG8, -117.48495501999997, SearchFunction.ACKLEY10, 18.667533907574018);

    @Test
    void theJavaFunctionsAreThePeersFunctions() {
        PEER_VALUES.forEach((function, expected) -> {
            double[] x = new double[function.dimension()];
            for (int i = 0; i < x.length; i++) {
                x[i] = function.lower(i) + 0.37 * (function.upper(i) - function.lower(i)) + 0.01 * i;
            }
            assertThat(function.value(x)).as("%s", function).isCloseTo(expected, within(1e-9 * Math.max(1, Math.abs(expected))));
        });
    }

    @Test
    void aNoisyVariantObservesItsBaseWithTheStatedNoiseAndKeepsItsMinimum() {
        double[] x = {0.3, 0.3, 0.3, 0.3, 0.3, 0.3};
        Random random = new Random(2);
        double sum = 0;
        double squares = 0;
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            double e = SearchFunction.HARTMANN6_NOISY.observe(x, random) - SearchFunction.HARTMANN6.value(x);
            sum += e;
            squares += e * e;
        }
        assertThat(sum / n).isCloseTo(0, within(0.005));
        assertThat(Math.sqrt(squares / n)).isCloseTo(0.1, within(0.005));
        assertThat(SearchFunction.HARTMANN6_NOISY.regret(x)).isEqualTo(SearchFunction.HARTMANN6.regret(x));
        assertThat(SearchFunction.HARTMANN6.observe(x, random)).isEqualTo(SearchFunction.HARTMANN6.value(x));
    }
}
