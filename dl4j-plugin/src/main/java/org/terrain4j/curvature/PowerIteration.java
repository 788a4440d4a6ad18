package org.terrain4j.curvature;

import java.util.Random;

/**
 * Power iteration, the fallback when Lanczos is not wanted: the eigenvalue of largest magnitude
 * by repeated products, then (shifting by it) the eigenvalue at the other end of the spectrum.
 * Slower than Lanczos for the same accuracy, but needs only two vectors of memory.
 */
public final class PowerIteration {

    private final int iterations;
    private final double tolerance;

    /**
     * @param iterations products at most per eigenvalue, at least 1
     * @param tolerance stop when the Rayleigh quotient changes by less than this, relatively
     */
    public PowerIteration(int iterations, double tolerance) {
        if (iterations < 1) {
            throw new IllegalArgumentException("power iteration needs at least 1 iteration, got " + iterations);
        }
        this.iterations = iterations;
        this.tolerance = tolerance;
    }

    /**
     * The extreme eigenvalues: {@code [lambda_min, lambda_max, products]}.
     */
    public double[] extremes(SymmetricOperator operator, Random random) {
        double[] dominant = dominant(operator, 0, random);
        double shift = dominant[0];
        double[] other = dominant(operator, shift, random);
        double second = other[0] + shift;
        double min = Math.min(dominant[0], second);
        double max = Math.max(dominant[0], second);
        return new double[] {min, max, dominant[1] + other[1]};
    }

    /** The dominant eigenvalue of {@code A - shift I} and the products spent. */
    private double[] dominant(SymmetricOperator operator, double shift, Random random) {
        int n = operator.dimension();
        double[] v = RandomVectors.unit(n, random);
        double[] w = new double[n];
        double lambda = 0;
        int products = 0;
        for (int i = 0; i < iterations; i++) {
            operator.apply(v, w);
            products++;
            Vectors.axpy(-shift, v, w);
            double next = Vectors.dot(v, w);
            double norm = Vectors.norm(w);
            if (norm == 0) {
                return new double[] {0, products};
            }
            for (int j = 0; j < n; j++) {
                v[j] = w[j] / norm;
            }
            boolean converged = i > 0 && Math.abs(next - lambda) <= tolerance * Math.abs(next);
            lambda = next;
            if (converged) {
                break;
            }
        }
        return new double[] {lambda, products};
    }
}
