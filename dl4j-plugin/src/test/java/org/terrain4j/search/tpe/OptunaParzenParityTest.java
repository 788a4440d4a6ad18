package org.terrain4j.search.tpe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The log density of Terrain's Parzen estimators equals Optuna 3.1's, point by point, for every
 * case in {@code optuna_parzen.tsv} (written by {@code scripts/fixtures/tpe_parzen.py}):
 * continuous ranges with no, one, a few, clustered and 40 observations (Optuna's weight ramp),
 * integer levels and categories.
 */
class OptunaParzenParityTest {

    static Stream<Arguments> cases() throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                OptunaParzenParityTest.class.getResourceAsStream("optuna_parzen.tsv"), StandardCharsets.UTF_8))) {
            return reader.lines().map(line -> line.split("\t", -1))
                    .map(f -> Arguments.of(f[0], f[1], Double.parseDouble(f[2]), Double.parseDouble(f[3]),
                            numbers(f[4]), numbers(f[5]), numbers(f[6])))
                    .toList().stream();
        }
    }

    private static double[] numbers(String field) {
        return field.isEmpty() ? new double[0] : Arrays.stream(field.split(",")).mapToDouble(Double::parseDouble).toArray();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void logDensityEqualsOptunas(String name, String kind, double low, double high, double[] observations,
            double[] points, double[] expected) {
        TpeOptions options = TpeOptions.OPTUNA_DEFAULTS;
        ParzenEstimator estimator = switch (kind) {
            case "float" -> new NumericalParzenEstimator(observations, low, high, 0, options);
            // Optuna's integers in [low, high] are levels with step 1, each the centre of a unit bucket
            case "int" -> new NumericalParzenEstimator(observations, low - 0.5, high + 0.5, 1, options);
            case "categorical" -> new CategoricalParzenEstimator(observations, (int) high, options);
            default -> throw new IllegalArgumentException("unknown kind " + kind);
        };
        for (int i = 0; i < points.length; i++) {
            assertThat(estimator.logDensity(points[i])).as("%s at %s", name, points[i]).isCloseTo(expected[i], within(1e-9));
        }
    }
}
