package org.terrain4j.search.gp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The hyperparameter fit stays within its bounds and its budget, and keeps the best point it saw. */
class HyperparameterFitTest {

    /**
     * 44 observations in 4-D (standardized targets) from the Gaussian process's own search on
     * one of the wider suite's functions, and the warm start it fitted from, on which the fit's
     * earlier optimizer (Hipparchus' {@code SQPOptimizerS}) broke down with a NullPointerException
     * (its quadratic subproblem had no solution) and ended the search. Kept as a hard case.
     */
    @Test
    void aHardCaseEndsWithAPointAtLeastAsGoodAsItsStart() throws IOException {
        List<String> lines;
        try (InputStream in = getClass().getResourceAsStream("sqp-breakdown.txt")) {
            lines = new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines().toList();
        }
        double[] start = parse(lines.get(0));
        double[][] x = new double[lines.size() - 1][];
        double[] y = new double[x.length];
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            int split = line.lastIndexOf(' ');
            x[i - 1] = parse(line.substring(0, split));
            y[i - 1] = Double.parseDouble(line.substring(split + 1));
        }

        GpHyperparameters fitted = new HyperparameterFit(0, 100, 200)
                .fit(x, y, Optional.of(new GpHyperparameters(start)), new SplittableRandom(1));

        MarginalLikelihood objective = new MarginalLikelihood(x, y);
        assertThat(fitted.theta()).hasSize(start.length);
        assertThat(Arrays.stream(fitted.theta()).allMatch(Double::isFinite)).isTrue();
        assertThat(objective.value(fitted.theta())).isGreaterThanOrEqualTo(objective.value(start));
    }

    @Test
    void theOptimizerSeesNoBoundsAndEveryPointItTriesIsWithinThem() {
        // theta = lower + (upper - lower) sigmoid(z): a round trip inside, the bounds' interior for any z.
        double[] theta = GpHyperparameters.of(new double[] {0.01, 0.3, 20}, 2, 1e-4).theta();
        assertThat(HyperparameterFit.toBounded(HyperparameterFit.toUnbounded(theta)))
                .containsExactly(theta, org.assertj.core.api.Assertions.within(1e-9));
        double[] far = HyperparameterFit.toBounded(new double[] {-800, 800, 0, -40, 40});
        assertThat(far[0]).isGreaterThanOrEqualTo(Math.log(1e-3)).isLessThan(Math.log(1e-3) + 1e-9);
        assertThat(far[1]).isLessThanOrEqualTo(Math.log(50));
        assertThat(far[4]).isLessThanOrEqualTo(0);
        double[] outside = HyperparameterFit.toBounded(HyperparameterFit.toUnbounded(new double[] {-99, 99, 0, 0, 0}));
        assertThat(outside[0]).isCloseTo(Math.log(1e-3), org.assertj.core.api.Assertions.within(1e-4));
        assertThat(outside[1]).isCloseTo(Math.log(50), org.assertj.core.api.Assertions.within(1e-4));
    }

    private static double[] parse(String bracketed) {
        return Arrays.stream(bracketed.replace("[", "").replace("]", "").split(","))
                .mapToDouble(s -> Double.parseDouble(s.trim())).toArray();
    }
}
