package org.terrain4j.curvature;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class KrylovBasisTest {

    @Test
    void orthogonalizeRemovesEveryComponentAlongTheBasisInBlocksAndRemainder() {
        int n = 500;
        int vectors = 9; // two blocks of four and one left over
        Random random = new Random(3);
        KrylovBasis basis = new KrylovBasis(vectors);
        double[][] kept = new double[vectors][];
        for (int j = 0; j < vectors; j++) {
            double[] q = RandomVectors.gaussian(n, random);
            for (int i = 0; i < j; i++) {
                Vectors.axpy(-Vectors.dot(kept[i], q), kept[i], q);
            }
            Vectors.scale(1 / Vectors.norm(q), q);
            kept[j] = q;
            basis.add(q);
        }
        double[] w = RandomVectors.gaussian(n, random);
        double before = Vectors.norm(w);

        basis.orthogonalize(w);

        for (double[] q : kept) {
            assertThat(Math.abs(Vectors.dot(q, w))).isLessThan(1e-12 * before);
        }
        // Only the components along the basis went: a random w in 500 dimensions keeps most of its length.
        assertThat(Vectors.norm(w)).isGreaterThan(0.9 * before);
    }

    @Test
    void combinationsSumTheScaledVectorsInPairsAndTheOneLeftOver() {
        KrylovBasis basis = new KrylovBasis(3);
        basis.add(new double[] {1, 0, 0, 0});
        basis.add(new double[] {0, 1, 0, 0});
        basis.add(new double[] {0, 0, 1, 0});

        double[][] both = basis.combinations(new double[] {2, -3, 5}, new double[] {-1, 0.5, 7});

        assertThat(both[0]).containsExactly(2, -3, 5, 0);
        assertThat(both[1]).containsExactly(-1, 0.5, 7, 0);
    }
}
