package org.terrain4j.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays the metric sequences of {@code reduce_lr_on_plateau.tsv} through
 * {@link PlateauDetector} and {@link PlateauOptions#reduce(double)} and requires the exact
 * learning rates PyTorch 1.13's {@code ReduceLROnPlateau} produced for them (fixture written by
 * {@code scripts/fixtures/reduce_lr_on_plateau.py} with Debian's python3-torch).
 */
class PyTorchPlateauParityTest {

    static Stream<Arguments> cases() throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                PyTorchPlateauParityTest.class.getResourceAsStream("reduce_lr_on_plateau.tsv"),
                StandardCharsets.UTF_8))) {
            List<Arguments> cases = reader.lines().map(line -> line.split("\t"))
                    .map(f -> Arguments.of(f[0], new PlateauOptions(
                            Mode.valueOf(f[1].toUpperCase(Locale.ROOT)), Double.parseDouble(f[2]),
                            Integer.parseInt(f[3]), Double.parseDouble(f[4]),
                            f[5].equals("rel") ? ThresholdMode.RELATIVE : ThresholdMode.ABSOLUTE,
                            Integer.parseInt(f[6]), Double.parseDouble(f[7]), Double.parseDouble(f[8])),
                            numbers(f[9]), numbers(f[10])))
                    .toList();
            return cases.stream();
        }
    }

    private static double[] numbers(String field) {
        return Arrays.stream(field.split(",")).mapToDouble(s -> Double.parseDouble(s.replace("nan", "NaN")))
                .toArray();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void sameLearningRatesAsPyTorch(String name, PlateauOptions options, double[] values, double[] expected) {
        PlateauDetector detector = new PlateauDetector(options);
        double rate = 0.1;
        double[] rates = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            if (detector.observe(values[i])) {
                rate = options.reduce(rate);
            }
            rates[i] = rate;
        }

        assertThat(rates).containsExactly(expected);
        assertThat(Arrays.stream(expected).distinct().count()).as("the case exercises reductions").isGreaterThan(1);
    }
}
