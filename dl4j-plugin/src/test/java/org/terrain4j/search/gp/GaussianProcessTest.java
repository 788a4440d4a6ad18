package org.terrain4j.search.gp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GaussianProcessTest {

    private static double[][] randomPoints(int n, int d, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[n][d];
        for (double[] row : x) {
            for (int i = 0; i < d; i++) {
                row[i] = random.nextDouble();
            }
        }
        return x;
    }

    @Test
    void posteriorInterpolatesObservedPointsWhenNoiseIsTiny() {
        double[][] x = randomPoints(8, 2, 1);
        double[] y = new double[8];
        for (int a = 0; a < 8; a++) {
            y[a] = Math.sin(3 * x[a][0]) + x[a][1];
        }
        GaussianProcess gp = GaussianProcess.condition(x, y,
                GpHyperparameters.of(new double[] {0.5, 0.7}, 1.3, 1.0000001e-6));
        double[] out = new double[2];
        for (int a = 0; a < 8; a++) {
            gp.predict(x[a], out);
            assertThat(out[0]).isCloseTo(y[a], within(1e-4));
            assertThat(out[1]).isLessThan(1e-5);
        }
    }

    @Test
    void singleObservationHasTheClosedFormPosterior() {
        // One point x0, target y0: mean(x) = k(x,x0) y0 / (s2 + noise), var(x) = s2 - k(x,x0)^2 / (s2 + noise).
        double s2 = 2.0;
        double noise = 0.1;
        double l = 0.4;
        GaussianProcess gp = GaussianProcess.condition(new double[][] {{0.2}}, new double[] {1.5},
                GpHyperparameters.of(new double[] {l}, s2, noise));
        double r = 0.3 / l;
        double k = s2 * (1 + Math.sqrt(5) * r + 5.0 / 3 * r * r) * Math.exp(-Math.sqrt(5) * r);
        double[] out = new double[2];
        gp.predict(new double[] {0.5}, out);
        assertThat(out[0]).isCloseTo(k * 1.5 / (s2 + noise), within(1e-12));
        assertThat(out[1]).isCloseTo(s2 - k * k / (s2 + noise), within(1e-12));
        double expectedLml = -0.5 * 1.5 * 1.5 / (s2 + noise) - 0.5 * Math.log(s2 + noise) - 0.5 * Math.log(2 * Math.PI);
        assertThat(gp.logMarginalLikelihood()).isCloseTo(expectedLml, within(1e-12));
    }

    @Test
    void marginalLikelihoodGradientMatchesCentralDifferences() {
        double[][] x = randomPoints(15, 3, 2);
        double[] y = new double[15];
        for (int a = 0; a < 15; a++) {
            y[a] = Math.cos(4 * x[a][0]) - x[a][2] * x[a][2] + 0.05 * a % 3;
        }
        MarginalLikelihood objective = new MarginalLikelihood(x, y);
        double[] theta = GpHyperparameters.of(new double[] {0.3, 0.8, 0.5}, 1.7, 0.01).theta();
        double[] gradient = new double[theta.length];
        double value = objective.valueAndGradient(theta, gradient);
        assertThat(value).isCloseTo(objective.value(theta), within(1e-9));
        for (int j = 0; j < theta.length; j++) {
            double h = 1e-5;
            double[] plus = theta.clone();
            double[] minus = theta.clone();
            plus[j] += h;
            minus[j] -= h;
            double numeric = (objective.value(plus) - objective.value(minus)) / (2 * h);
            assertThat(gradient[j]).as("d/dtheta_%d", j).isCloseTo(numeric, within(1e-5 * (1 + Math.abs(numeric))));
        }
    }

    @Test
    void fitFindsTheRelevantCoordinate() {
        // y depends on x0 only: the fitted length scale of x1 must be much longer than that of x0.
        double[][] x = randomPoints(40, 2, 3);
        double[] y = new double[40];
        for (int a = 0; a < 40; a++) {
            y[a] = Math.sin(6 * x[a][0]);
        }
        GpHyperparameters h = new HyperparameterFit(2, 100).fit(x, y, java.util.Optional.empty(),
                new SplittableRandom(4));
        assertThat(h.lengthScale(1)).isGreaterThan(3 * h.lengthScale(0));
        assertThat(h.noiseVariance()).isLessThan(1e-2);
        MarginalLikelihood objective = new MarginalLikelihood(x, y);
        assertThat(objective.value(h.theta()))
                .isGreaterThan(objective.value(HyperparameterFit.defaults(2).theta()));
    }
}
