package org.terrain4j.curvature;

import java.util.Arrays;
import java.util.Random;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;

/**
 * The Lanczos method with full reorthogonalization (Golub and Van Loan, Matrix Computations,
 * 4th ed., section 10.1): {@code steps} operator products build an orthonormal Krylov basis
 * {@code Q} and a tridiagonal {@code T = Q^T A Q} whose eigenvalues (Ritz values) converge to
 * the extreme eigenvalues of {@code A} first. After the three-term recurrence, each new vector
 * is orthogonalized against the whole basis in one pass of classical Gram-Schmidt, which keeps
 * spurious copies of converged eigenvalues out at the cost of storing the basis
 * ({@code steps * n} doubles); one pass keeps tens of steps orthogonal to working accuracy here
 * (the unit tests and the dense-Hessian benchmark agree to 1e-4 relative) at half the cost of
 * "twice is enough". When the
 * residual norm falls below {@code breakdownTolerance} times the largest |T entry| the space is
 * invariant and the run stops early with exact values for it.
 */
public final class Lanczos {

    private final int steps;
    private final double breakdownTolerance;

    /**
     * @param steps operator products at most, at least 2
     * @param breakdownTolerance relative residual below which the Krylov space counts as invariant
     */
    public Lanczos(int steps, double breakdownTolerance) {
        if (steps < 2) {
            throw new IllegalArgumentException("Lanczos needs at least 2 steps, got " + steps);
        }
        if (!(breakdownTolerance > 0 && breakdownTolerance < 1)) {
            throw new IllegalArgumentException("breakdownTolerance must be in (0, 1), got " + breakdownTolerance);
        }
        this.steps = steps;
        this.breakdownTolerance = breakdownTolerance;
    }

    /** Runs from a random unit start vector drawn from {@code random}. */
    public LanczosResult run(SymmetricOperator operator, Random random) {
        return run(operator, RandomVectors.unit(operator.dimension(), random));
    }

    /** Runs from the given start vector (normalized here). */
    public LanczosResult run(SymmetricOperator operator, double[] start) {
        int n = operator.dimension();
        int m = Math.min(steps, n);
        KrylovBasis basis = new KrylovBasis(m);
        double[] alpha = new double[m];
        double[] beta = new double[m];
        double[] q = start.clone();
        Vectors.scale(1 / Vectors.norm(q), q);
        double[] w = new double[n];
        int k = 0;
        boolean brokeDown = false;
        double scale = 0;
        double[] previous = null;
        while (k < m) {
            basis.add(q);
            operator.apply(q, w);
            // The three-term recurrence, w = A q_k - beta_{k-1} q_{k-1} - alpha_k q_k, takes out
            // the large components; the pass against the whole basis then removes what rounding left.
            alpha[k] = previous == null ? Vectors.dot(q, w) : Vectors.axpyThenDot(-beta[k - 1], previous, w, q);
            Vectors.axpy(-alpha[k], q, w);
            basis.orthogonalize(w);
            double residual = Vectors.norm(w);
            scale = Math.max(scale, Math.max(Math.abs(alpha[k]), residual));
            k++;
            if (k == m) {
                break;
            }
            if (residual <= breakdownTolerance * scale) {
                brokeDown = true;
                break;
            }
            beta[k - 1] = residual;
            previous = q;
            q = Vectors.scaled(1 / residual, w);
        }
        return ritz(basis, Arrays.copyOf(alpha, k), Arrays.copyOf(beta, Math.max(k - 1, 0)), k, brokeDown);
    }

    private static LanczosResult ritz(KrylovBasis basis, double[] alpha, double[] beta, int products,
                                      boolean brokeDown) {
        int k = alpha.length;
        RealMatrix t = MatrixUtils.createRealMatrix(k, k);
        for (int i = 0; i < k; i++) {
            t.setEntry(i, i, alpha[i]);
            if (i + 1 < k) {
                t.setEntry(i, i + 1, beta[i]);
                t.setEntry(i + 1, i, beta[i]);
            }
        }
        EigenDecompositionSymmetric eigen = new EigenDecompositionSymmetric(t);
        double[] values = eigen.getEigenvalues();
        Integer[] order = new Integer[k];
        for (int i = 0; i < k; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        double[] ascending = new double[k];
        double[] weights = new double[k];
        for (int i = 0; i < k; i++) {
            ascending[i] = values[order[i]];
            double first = eigen.getEigenvector(order[i]).getEntry(0);
            weights[i] = first * first;
        }
        double[][] vectors = basis.combinations(eigen.getEigenvector(order[0]).toArray(),
                eigen.getEigenvector(order[k - 1]).toArray());
        for (double[] vector : vectors) {
            Vectors.scale(1 / Vectors.norm(vector), vector);
        }
        return new LanczosResult(ascending[0], ascending[k - 1], vectors[0], vectors[1], ascending, weights, products,
                brokeDown);
    }
}
