package org.terrain4j.curvature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.hipparchus.linear.EigenDecompositionNonSymmetric;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.junit.jupiter.api.Test;
import org.terrain4j.terrain.StabilityBound;

class PreconditionedOperatorTest {

    @Test
    void lanczosOnTheSymmetricFormFindsTheEigenvaluesOfPInverseH() {
        Random random = new Random(1);
        int n = 12;
        double[][] h = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                h[i][j] = h[j][i] = random.nextGaussian();
            }
        }
        double[] d = new double[n];
        Arrays.setAll(d, i -> 0.1 + 10 * random.nextDouble());
        // The truth: eigenvalues of the non-symmetric product diag(d) H, by a general eigensolver.
        RealMatrix product = MatrixUtils.createRealDiagonalMatrix(d).multiply(MatrixUtils.createRealMatrix(h));
        double[] exact = Arrays.stream(new EigenDecompositionNonSymmetric(product).getEigenvalues())
                .mapToDouble(c -> c.getReal()).sorted().toArray();

        LanczosResult result = new Lanczos(n, 1e-12).run(new PreconditionedOperator(SymmetricOperator.of(h), d),
                new Random(2));

        assertThat(result.largest()).isCloseTo(exact[n - 1], within(1e-8 * Math.abs(exact[n - 1])));
        assertThat(result.smallest()).isCloseTo(exact[0], within(1e-8 * Math.abs(exact[0])));
    }

    @Test
    void theParameterDirectionOfANegativeEigenvectorHasNegativeCurvatureUnderH() {
        double[][] h = {{1, 0}, {0, -1}};
        PreconditionedOperator operator = new PreconditionedOperator(SymmetricOperator.of(h), new double[] {4, 0.25});
        double[] w = operator.parameterDirection(new double[] {0.6, 0.8});
        // D^1/2 u = (1.2, 0.4), normalized.
        assertThat(w[0]).isCloseTo(1.2 / Math.sqrt(1.6), within(1e-12));
        assertThat(w[1]).isCloseTo(0.4 / Math.sqrt(1.6), within(1e-12));
        double[] negative = operator.parameterDirection(new double[] {0, 1});
        assertThat(negative[0] * negative[0] - negative[1] * negative[1]).isLessThan(0);
    }

    @Test
    void badPreconditionersAreRefusedNamingTheEntry() {
        SymmetricOperator h = SymmetricOperator.of(new double[][] {{1, 0}, {0, 1}});
        assertThatThrownBy(() -> new PreconditionedOperator(h, new double[] {1})).hasMessageContaining("1 entries for 2");
        assertThatThrownBy(() -> new PreconditionedOperator(h, new double[] {1, -2})).hasMessageContaining("entry 1")
                .hasMessageContaining("-2.0");
    }

    @Test
    void adamsBoundIsOnThePreconditionedHessianAndDoesNotMixWithPlainOnes() {
        StabilityBound adam = StabilityBound.adam(0.9);
        assertThat(adam.value()).isCloseTo(38, within(1e-12));
        assertThat(adam.preconditioned()).isTrue();
        assertThat(adam.rule()).contains("beta1 0.900").contains("preconditioned");
        assertThat(adam.tighter(StabilityBound.gradientDescent())).isEqualTo(StabilityBound.NONE);
        assertThat(StabilityBound.adam(0.5).tighter(adam)).isEqualTo(StabilityBound.adam(0.5));
        assertThat(StabilityBound.rmsProp().value()).isEqualTo(2);
        assertThat(StabilityBound.rmsProp().preconditioned()).isTrue();
        assertThat(StabilityBound.rmsProp().tighter(adam)).isEqualTo(StabilityBound.rmsProp());
        assertThatThrownBy(() -> StabilityBound.adam(1.0)).hasMessageContaining("beta1").hasMessageContaining("1.0");
    }
}
