package org.terrain4j.search.gp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
        assertThat(gp.mean(new double[] {0.5})).as("the mean alone").isCloseTo(k * 1.5 / (s2 + noise), within(1e-12));
        double expectedLml = -0.5 * 1.5 * 1.5 / (s2 + noise) - 0.5 * Math.log(s2 + noise) - 0.5 * Math.log(2 * Math.PI);
        assertThat(gp.logMarginalLikelihood()).isCloseTo(expectedLml, within(1e-12));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(Kernel.class)
    void marginalLikelihoodGradientMatchesCentralDifferences(Kernel kernel) {
        double[][] x = randomPoints(15, 3, 2);
        double[] y = new double[15];
        for (int a = 0; a < 15; a++) {
            y[a] = Math.cos(4 * x[a][0]) - x[a][2] * x[a][2] + 0.05 * a % 3;
        }
        MarginalLikelihood objective = new MarginalLikelihood(x, y, kernel);
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

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {15, GaussianProcess.EXPLICIT_INVERSE_LIMIT + 40})
    void aFactorUsedForTheValueGivesTheGradientOfAFreshOneBitForBit(int n) {
        // The fit keeps a point's factor from its value for its gradient: using it must leave it as it was.
        double[][] x = randomPoints(n, 3, 7);
        double[] y = new double[n];
        for (int a = 0; a < n; a++) {
            y[a] = Math.sin(4 * x[a][1]) + x[a][0];
        }
        for (Kernel kernel : Kernel.values()) {
            MarginalLikelihood objective = new MarginalLikelihood(x, y, kernel);
            double[] theta = GpHyperparameters.of(kernel, new double[] {0.4, 0.2, 0.7}, 1.1, 1e-3).theta();
            org.hipparchus.linear.CholeskyDecomposition factor = objective.factor(theta);
            assertThat(objective.value(theta, factor)).isEqualTo(objective.value(theta));
            double[] reused = new double[theta.length];
            double[] fresh = new double[theta.length];
            assertThat(objective.valueAndGradient(theta, factor, reused)).isEqualTo(objective.valueAndGradient(theta, fresh));
            assertThat(reused).as(kernel.name()).isEqualTo(fresh);
            assertThat(objective.value(theta, factor)).as("the value again").isEqualTo(objective.value(theta));
        }
        // No factor (K not positive definite): the objective is -Infinity and the gradient zero.
        MarginalLikelihood objective = new MarginalLikelihood(x, y);
        double[] theta = HyperparameterFit.defaults(3).theta();
        double[] gradient = {1, 1, 1, 1, 1};
        assertThat(objective.value(theta, null)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(objective.valueAndGradient(theta, null, gradient)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(gradient).containsOnly(0);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {30, GaussianProcess.EXPLICIT_INVERSE_LIMIT + 30})
    void manyPointsAtOnceArePredictedAsOneAtATimeBitForBit(int n) {
        double[][] x = randomPoints(n, 4, 8);
        double[] y = new double[n];
        for (int a = 0; a < n; a++) {
            y[a] = Math.cos(6 * x[a][2]) * x[a][0];
        }
        for (Kernel kernel : Kernel.values()) {
            GaussianProcess gp = GaussianProcess.condition(x, y,
                    GpHyperparameters.of(kernel, new double[] {0.3, 0.5, 0.2, 0.9}, 1.2, 1e-4));
            FidelitySlice slice = new FidelitySlice(gp, 0.75);
            double[][] points = randomPoints(21, 4, 9);  // not a whole number of blocks
            double[][] configurations = randomPoints(21, 3, 10);
            double[] means = new double[21];
            double[] variances = new double[21];
            double[] sliceMeans = new double[21];
            double[] sliceVariances = new double[21];
            gp.predict(points, means, variances);
            slice.predict(configurations, sliceMeans, sliceVariances);
            double[] out = new double[2];
            for (int i = 0; i < 21; i++) {
                gp.predict(points[i], out);
                assertThat(new double[] {means[i], variances[i]}).as("%s, point %d", kernel, i).isEqualTo(out);
                slice.predict(configurations[i], out);
                assertThat(new double[] {sliceMeans[i], sliceVariances[i]}).as("%s, slice, point %d", kernel, i)
                        .isEqualTo(out);
            }
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
        GpHyperparameters h = new HyperparameterFit(2, 100, 200).fit(x, y, java.util.Optional.empty(),
                new SplittableRandom(4));
        assertThat(h.lengthScale(1)).isGreaterThan(3 * h.lengthScale(0));
        assertThat(h.noiseVariance()).isLessThan(1e-2);
        MarginalLikelihood objective = new MarginalLikelihood(x, y);
        assertThat(objective.value(h.theta()))
                .isGreaterThan(objective.value(HyperparameterFit.defaults(2).theta()));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {60, GaussianProcess.EXPLICIT_INVERSE_LIMIT + 60})
    void predictionsAreTheTextbookPosteriorComputedWithAnLuInverse(int n) {
        // mean = k^T K^-1 y and variance = s2 - k^T K^-1 k, with K^-1 from an LU decomposition (not
        // the Cholesky factor the process predicts with), for both of its ways of predicting.
        double[][] x = randomPoints(n, 3, 5);
        double[] y = new double[n];
        for (int a = 0; a < n; a++) {
            y[a] = Math.sin(5 * x[a][0]) + x[a][1] * x[a][2];
        }
        GpHyperparameters h = GpHyperparameters.of(new double[] {0.3, 0.6, 0.9}, 1.4, 1e-3);
        GaussianProcess gp = GaussianProcess.condition(x, y, h);
        org.hipparchus.linear.RealMatrix inverse = new org.hipparchus.linear.LUDecomposition(
                new org.hipparchus.linear.Array2DRowRealMatrix(GaussianProcess.covariance(x, h))).getSolver().getInverse();
        double[] out = new double[2];
        double[][] scaledX = Matern52.scaled(x, h);
        for (double[] point : randomPoints(20, 3, 6)) {
            double[] scaled = Matern52.scaled(point, h);
            double[] k = new double[n];
            for (int a = 0; a < n; a++) {
                k[a] = 1.4 * Matern52.correlation(Matern52.distance(scaled, scaledX[a]));
            }
            double[] inverseK = inverse.operate(k);
            double mean = 0;
            double quadratic = 0;
            for (int a = 0; a < n; a++) {
                mean += inverseK[a] * y[a];
                quadratic += inverseK[a] * k[a];
            }
            gp.predict(point, out);
            assertThat(out[0]).isCloseTo(mean, within(1e-7));
            assertThat(out[1]).isCloseTo(Math.max(1.4 - quadratic, 1.4e-12), within(1e-7));
        }
    }

    @Test
    void theAdditiveKernelIsTheMeanOfOneDimensionalMaternKernels() {
        // Written out from the definition (Duvenaud et al. 2011, first order), not from Kernel.
        double[][] x = randomPoints(12, 3, 9);
        double[] l = {0.2, 0.5, 1.1};
        double s2 = 1.7;
        double noise = 0.01;
        double[][] k = GaussianProcess.covariance(x, GpHyperparameters.of(Kernel.ADDITIVE, l, s2, noise));
        for (int a = 0; a < x.length; a++) {
            for (int b = 0; b < x.length; b++) {
                double sum = 0;
                for (int i = 0; i < 3; i++) {
                    double r = Math.abs(x[a][i] - x[b][i]) / l[i];
                    sum += (1 + Math.sqrt(5) * r + 5.0 / 3 * r * r) * Math.exp(-Math.sqrt(5) * r);
                }
                assertThat(k[a][b]).isCloseTo(s2 * sum / 3 + (a == b ? noise : 0), within(1e-12));
            }
        }
    }

    @Test
    void theFitKeepsTheKernelTheDataFavour() {
        // 40 points in 4-D. A sum of one-coordinate wiggles (separable, as Schwefel's function is)
        // must be explained best by the additive kernel; a product of coordinates (every coordinate
        // matters only together with the others) by the product kernel.
        double[][] x = randomPoints(40, 4, 10);
        double[] separable = new double[40];
        double[] interacting = new double[40];
        for (int a = 0; a < 40; a++) {
            for (int i = 0; i < 4; i++) {
                separable[a] += Math.sin(9 * x[a][i] + i);
            }
            interacting[a] = 4 * Math.exp(-6 * ((x[a][0] - 0.5) * (x[a][0] - 0.5) + (x[a][1] - 0.5) * (x[a][1] - 0.5)))
                    * Math.cos(5 * x[a][2] * x[a][3]);
        }
        HyperparameterFit fit = new HyperparameterFit(1, 100, 200);
        java.util.Set<Kernel> both = java.util.EnumSet.allOf(Kernel.class);
        java.util.List<HyperparameterFit.Fitted> forSeparable = fit.fitEach(x, standardized(separable), both,
                java.util.Map.of(), new SplittableRandom(11));
        java.util.List<HyperparameterFit.Fitted> forInteracting = fit.fitEach(x, standardized(interacting), both,
                java.util.Map.of(), new SplittableRandom(11));
        assertThat(forSeparable.get(0).hyperparameters().kernel()).isEqualTo(Kernel.ADDITIVE);
        assertThat(forInteracting.get(0).hyperparameters().kernel()).isEqualTo(Kernel.PRODUCT);
        assertThat(forSeparable.get(0).objective()).isGreaterThan(forSeparable.get(1).objective());
        assertThatThrownBy(() -> fit.fitEach(x, separable, java.util.Set.of(), java.util.Map.of(), new SplittableRandom(1)))
                .hasMessage("need at least one kernel to fit");
    }

    private static double[] standardized(double[] y) {
        double mean = java.util.Arrays.stream(y).average().orElseThrow();
        double spread = Math.sqrt(java.util.Arrays.stream(y).map(v -> (v - mean) * (v - mean)).average().orElseThrow());
        return java.util.Arrays.stream(y).map(v -> (v - mean) / spread).toArray();
    }

    @Test
    void aFitOnARandomSubsetFindsTheLengthScalesOfEveryObservation() {
        // 400 observations of a function of x0 alone, fitted on subsets of 80: the length scales
        // must tell the same story as the fit on all 400, and the fit must depend only on its seed.
        double[][] x = randomPoints(400, 2, 7);
        double[] y = new double[400];
        for (int a = 0; a < 400; a++) {
            y[a] = Math.sin(6 * x[a][0]);
        }
        HyperparameterFit subsetFit = new HyperparameterFit(1, 100, 80);
        GpHyperparameters subset = subsetFit.fit(x, y, java.util.Optional.empty(), new SplittableRandom(8));
        GpHyperparameters all = new HyperparameterFit(1, 100, 400).fit(x, y, java.util.Optional.empty(),
                new SplittableRandom(8));
        assertThat(subset.lengthScale(1)).isGreaterThan(3 * subset.lengthScale(0));
        assertThat(subset.lengthScale(0)).isCloseTo(all.lengthScale(0), within(0.3 * all.lengthScale(0)));
        assertThat(subsetFit.fit(x, y, java.util.Optional.empty(), new SplittableRandom(8)).theta())
                .containsExactly(subset.theta());
        assertThatThrownBy(() -> new HyperparameterFit(1, 100, 9)).hasMessage("maxPoints must be >= 10, got 9");
    }
}
