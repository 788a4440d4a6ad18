package org.terrain4j.curvature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.junit.jupiter.api.Test;

/** The Krylov methods against explicit symmetric matrices with known spectra. */
class CurvatureNumericsTest {

    /** A random symmetric 200x200 matrix Q diag(eigenvalues) Q^T with a saddle-like spectrum. */
    private static double[][] matrix(double[] eigenvalues, long seed) {
        int n = eigenvalues.length;
        Random random = new Random(seed);
        RealMatrix gaussian = MatrixUtils.createRealMatrix(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                gaussian.setEntry(i, j, random.nextGaussian());
            }
        }
        RealMatrix q = new org.hipparchus.linear.QRDecomposition(gaussian).getQ();
        return q.multiply(MatrixUtils.createRealDiagonalMatrix(eigenvalues)).multiply(q.transpose()).getData();
    }

    private static double[] spectrum(int n) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = 0.05 * (i - 20) * Math.abs(i - 20) / n;
        }
        values[n - 1] = 12.0;
        values[0] = -3.0;
        return values;
    }

    @Test
    void lanczosFindsBothExtremesWithinAPercentIn30Products() {
        double[] eigenvalues = spectrum(200);
        SymmetricOperator a = SymmetricOperator.of(matrix(eigenvalues, 1));

        LanczosResult result = new Lanczos(30, 1e-10).run(a, new Random(2));

        assertThat(result.products()).isEqualTo(30);
        assertThat(result.largest()).isCloseTo(12.0, within(0.12));
        assertThat(result.smallest()).isCloseTo(-3.0, within(0.03));
        // The Ritz vector is an eigenvector: |A v - lambda v| small.
        double[] av = new double[200];
        a.apply(result.largestVector(), av);
        Vectors.axpy(-result.largest(), result.largestVector(), av);
        assertThat(Vectors.norm(av)).isLessThan(0.1);
    }

    @Test
    void lanczosBreaksDownExactlyOnALowRankOperator() {
        double[] eigenvalues = new double[50];
        eigenvalues[0] = 2;
        eigenvalues[1] = -1;
        eigenvalues[2] = 5;

        LanczosResult result = new Lanczos(20, 1e-10).run(SymmetricOperator.of(matrix(eigenvalues, 3)), new Random(4));

        assertThat(result.brokeDown()).isTrue();
        assertThat(result.products()).isLessThanOrEqualTo(5);
        assertThat(result.largest()).isCloseTo(5.0, within(1e-9));
        assertThat(result.smallest()).isCloseTo(-1.0, within(1e-9));
    }

    @Test
    void hutchinsonTraceWithinFivePercentIn100Probes() {
        double[] eigenvalues = new double[100];
        Arrays.setAll(eigenvalues, i -> 0.5 + 0.02 * i);
        double trace = Arrays.stream(eigenvalues).sum();

        HutchinsonTrace.TraceEstimate estimate = HutchinsonTrace.estimate(
                SymmetricOperator.of(matrix(eigenvalues, 5)), 100, new Random(6));

        assertThat(estimate.trace()).isCloseTo(trace, within(0.05 * trace));
        assertThat(estimate.standardError()).isPositive().isLessThan(0.05 * trace);
    }

    @Test
    void theQuadratureGivesBackTheStartVectorsRayleighQuotient() {
        SymmetricOperator a = SymmetricOperator.of(matrix(new double[] {-2, 0.5, 1, 3, 7}, 9));
        double[] start = {0.3, -1, 0.2, 0.8, 0.5};
        double norm = Vectors.norm(start);
        double[] unit = Vectors.scaled(1 / norm, start);
        double[] au = new double[5];
        a.apply(unit, au);

        LanczosResult result = new Lanczos(3, 1e-10).run(a, start);

        assertThat(result.startRayleighQuotient()).isCloseTo(Vectors.dot(unit, au),
                org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void traceFromSamplesAlreadyTakenIsTheirMeanWithTheStandardErrorOfTheMean() {
        HutchinsonTrace.TraceEstimate three = HutchinsonTrace.fromSamples(10, 12, 14);

        assertThat(three.trace()).isEqualTo(12.0);
        // sample variance 4, over 3 samples
        assertThat(three.standardError()).isCloseTo(Math.sqrt(4.0 / 3), org.assertj.core.api.Assertions.within(1e-12));
        assertThat(three.products()).isZero();
        assertThat(HutchinsonTrace.fromSamples(7).standardError()).isNaN();
        org.assertj.core.api.Assertions.assertThatThrownBy(HutchinsonTrace::fromSamples)
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one sample");
    }

    @Test
    void powerIterationAgreesWithTheDecomposition() {
        double[][] m = matrix(new double[] {4, 1, 0.5, -2, 0.1, 0.2}, 7);
        double[] exact = new EigenDecompositionSymmetric(MatrixUtils.createRealMatrix(m)).getEigenvalues();

        double[] extremes = new PowerIteration(2000, 1e-12).extremes(SymmetricOperator.of(m), new Random(8));

        assertThat(extremes[1]).isCloseTo(Arrays.stream(exact).max().orElseThrow(), within(1e-6));
        assertThat(extremes[0]).isCloseTo(Arrays.stream(exact).min().orElseThrow(), within(1e-6));
    }

    @Test
    void spectralDensityIntegratesToOneAndPeaksWhereTheEigenvaluesAre() {
        double[] eigenvalues = new double[120];
        Arrays.setAll(eigenvalues, i -> i < 100 ? 0.0 : 10.0);
        SpectralDensity density = SpectralDensity.estimate(SymmetricOperator.of(matrix(eigenvalues, 9)), 8,
                new Lanczos(20, 1e-10), 400, 0.02, new Random(10));

        double step = density.grid()[1] - density.grid()[0];
        double integral = Arrays.stream(density.density()).sum() * step;
        assertThat(integral).isCloseTo(1.0, within(0.02));
        double massNearZero = 0;
        for (int i = 0; i < density.grid().length; i++) {
            if (Math.abs(density.grid()[i]) < 1) {
                massNearZero += density.density()[i] * step;
            }
        }
        assertThat(massNearZero).isCloseTo(100.0 / 120, within(0.1));
    }

    @Test
    void denseFormIsTheMatrixItself() {
        double[][] m = matrix(new double[] {1, -2, 3, 0.5}, 11);

        double[][] dense = SymmetricOperator.toDense(SymmetricOperator.of(m));

        for (int i = 0; i < 4; i++) {
            assertThat(dense[i]).containsExactly(m[i], within(1e-12));
        }
    }

    @Test
    void settingsAreValidated() {
        assertThatThrownBy(() -> new Lanczos(1, 1e-10)).hasMessage("Lanczos needs at least 2 steps, got 1");
        assertThatThrownBy(() -> HutchinsonTrace.estimate(SymmetricOperator.of(new double[][] {{1}}), 1, new Random()))
                .hasMessage("Hutchinson needs at least 2 probes for an error estimate, got 1");
    }
}
