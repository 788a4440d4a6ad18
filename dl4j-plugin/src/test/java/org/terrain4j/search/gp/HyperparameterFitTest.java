package org.terrain4j.search.gp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
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

    @Test
    void aKernelWhoseWarmStartTrailsFarBehindIsNotRefittedAtAComparison() {
        SplittableRandom random = new SplittableRandom(3);
        double[][] x = new double[30][];
        double[] y = new double[30];
        for (int i = 0; i < x.length; i++) {
            x[i] = new double[] {random.nextDouble(), random.nextDouble()};
            y[i] = Math.sin(6 * x[i][0]) + x[i][1];
        }
        HyperparameterFit fit = new HyperparameterFit(1, 100, 200);
        GpHyperparameters product = fit.fit(x, y, Optional.empty(), new SplittableRandom(4));
        // Length scales of 0.001 and almost no noise: each point explains only itself, far behind.
        GpHyperparameters hopeless = GpHyperparameters.of(Kernel.ADDITIVE, new double[] {1e-3, 1e-3}, 1, 1e-5);
        double productValue = new MarginalLikelihood(x, y, Kernel.PRODUCT).value(product.theta());
        double hopelessValue = new MarginalLikelihood(x, y, Kernel.ADDITIVE).value(hopeless.theta());
        assertThat(productValue - hopelessValue).isGreaterThan(HyperparameterFit.TRAILING_NATS);

        List<HyperparameterFit.Fitted> fits = fit.fitEach(x, y, EnumSet.allOf(Kernel.class),
                Map.of(Kernel.PRODUCT, product, Kernel.ADDITIVE, hopeless), new SplittableRandom(5));

        assertThat(fits.get(0).hyperparameters().kernel()).isEqualTo(Kernel.PRODUCT);
        assertThat(fits.get(1).hyperparameters().theta()).containsExactly(hopeless.theta());
        assertThat(fits.get(1).objective()).isEqualTo(hopelessValue);

        // Its first fit (no warm start) is never skipped: the same kernel, fitted, moves off the default.
        List<HyperparameterFit.Fitted> first = fit.fitEach(x, y, EnumSet.allOf(Kernel.class),
                Map.of(Kernel.PRODUCT, product), new SplittableRandom(5));
        HyperparameterFit.Fitted additive = first.stream().filter(f -> f.hyperparameters().kernel() == Kernel.ADDITIVE)
                .findFirst().orElseThrow();
        assertThat(additive.hyperparameters().theta())
                .isNotEqualTo(HyperparameterFit.defaults(Kernel.ADDITIVE, 2).theta());
    }

    @Test
    void onlyAFiniteWarmStartFarBehindTrails() {
        double gap = HyperparameterFit.TRAILING_NATS;
        assertThat(HyperparameterFit.trails(true, -200 - gap - 1, -200)).isTrue();
        assertThat(HyperparameterFit.trails(true, -200 - gap + 1, -200)).isFalse();
        assertThat(HyperparameterFit.trails(false, -200 - gap - 1, -200)).as("no warm start").isFalse();
        assertThat(HyperparameterFit.trails(true, Double.NEGATIVE_INFINITY, -200)).as("not positive definite").isFalse();
    }

    private static double[] parse(String bracketed) {
        return Arrays.stream(bracketed.replace("[", "").replace("]", "").split(","))
                .mapToDouble(s -> Double.parseDouble(s.trim())).toArray();
    }
}
