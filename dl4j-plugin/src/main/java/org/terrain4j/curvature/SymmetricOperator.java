package org.terrain4j.curvature;

/**
 * A symmetric linear operator known only by its products with vectors, e.g. a Hessian through
 * Hessian-vector products. Implementations may be noisy (finite differences) but should be
 * symmetric up to that noise.
 */
public interface SymmetricOperator {

    /** The dimension n of the vectors. */
    int dimension();

    /**
     * Computes {@code out = A v}.
     *
     * @param v the vector, length n; not modified
     * @param out receives the product, length n
     */
    void apply(double[] v, double[] out);

    /**
     * The operator as a dense matrix: its products with the n unit vectors, symmetrized
     * ({@code (A + A^T) / 2}, which removes the asymmetry of finite-difference noise). Costs n
     * products and n^2 doubles: for reference checks on small problems.
     */
    static double[][] toDense(SymmetricOperator operator) {
        int n = operator.dimension();
        double[][] rows = new double[n][n];
        double[] unit = new double[n];
        for (int i = 0; i < n; i++) {
            unit[i] = 1;
            operator.apply(unit, rows[i]);
            unit[i] = 0;
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double mean = (rows[i][j] + rows[j][i]) / 2;
                rows[i][j] = mean;
                rows[j][i] = mean;
            }
        }
        return rows;
    }

    /** An operator from an explicit symmetric matrix (rows), for tests and small problems. */
    static SymmetricOperator of(double[][] matrix) {
        return new SymmetricOperator() {
            @Override
            public int dimension() {
                return matrix.length;
            }

            @Override
            public void apply(double[] v, double[] out) {
                for (int i = 0; i < matrix.length; i++) {
                    double sum = 0;
                    for (int j = 0; j < v.length; j++) {
                        sum += matrix[i][j] * v[j];
                    }
                    out[i] = sum;
                }
            }
        };
    }
}
