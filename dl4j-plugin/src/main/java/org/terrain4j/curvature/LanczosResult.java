package org.terrain4j.curvature;

/**
 * Extreme Ritz pairs from a Lanczos run.
 *
 * @param smallest the smallest Ritz value (estimate of lambda_min)
 * @param largest the largest Ritz value (estimate of lambda_max)
 * @param smallestVector unit Ritz vector of the smallest value
 * @param largestVector unit Ritz vector of the largest value
 * @param ritzValues every Ritz value, ascending
 * @param firstComponentsSquared squared first components of the tridiagonal's eigenvectors, in
 *                               the order of {@code ritzValues}: the quadrature weights of
 *                               stochastic Lanczos quadrature
 * @param products operator applications spent
 * @param brokeDown whether the Krylov space became invariant before the requested steps (the
 *                  values are then exact for that subspace)
 */
public record LanczosResult(double smallest, double largest, double[] smallestVector, double[] largestVector,
                            double[] ritzValues, double[] firstComponentsSquared, int products,
                            boolean brokeDown) {

    /**
     * {@code q1^T A q1} of the unit start vector, the tridiagonal's first entry, as the Gauss
     * quadrature of the Ritz values with their weights gives it back. Times the dimension, a
     * Hutchinson sample of the trace when the start was uniform on the sphere.
     */
    public double startRayleighQuotient() {
        double sum = 0;
        for (int i = 0; i < ritzValues.length; i++) {
            sum += firstComponentsSquared[i] * ritzValues[i];
        }
        return sum;
    }
}
