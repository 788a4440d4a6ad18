package org.terrain4j.terrain;

/**
 * What a curvature probe measured on a probe batch: the extreme Hessian eigenvalues (Lanczos),
 * a trace estimate (Hutchinson's, from the products the probe made anyway), and what it cost. An inconclusive probe (NaN loss on the
 * probe batch, an operator that is not symmetric within tolerance, too few products) keeps its
 * reason and is never used to name a terrain.
 *
 * @param lambdaMin smallest eigenvalue estimate
 * @param lambdaMax largest eigenvalue estimate
 * @param trace trace estimate, NaN when not measured
 * @param traceStandardError the standard error of the trace estimate from its samples' spread, NaN
 *                           when fewer than two samples (or no trace) were taken
 * @param products Hessian-vector products spent
 * @param millis wall-clock milliseconds spent
 * @param inconclusive why the numbers cannot be trusted, or null when they can
 * @param ritzValues the Lanczos run's Ritz values, ascending: the nodes of a stochastic Lanczos
 *                   quadrature of the spectral density; null when not kept
 * @param ritzWeights their quadrature weights (squared first eigenvector components), or null
 */
public record CurvatureSnapshot(double lambdaMin, double lambdaMax, double trace, double traceStandardError,
                                int products, long millis, String inconclusive, double[] ritzValues,
                                double[] ritzWeights) {

    /** Requires nodes and weights together, as many of each. */
    public CurvatureSnapshot {
        if ((ritzValues == null) != (ritzWeights == null)
                || (ritzValues != null && ritzValues.length != ritzWeights.length)) {
            throw new IllegalArgumentException("Ritz values and weights come in pairs");
        }
    }

    /** A snapshot without quadrature nodes. */
    public CurvatureSnapshot(double lambdaMin, double lambdaMax, double trace, double traceStandardError,
                             int products, long millis, String inconclusive) {
        this(lambdaMin, lambdaMax, trace, traceStandardError, products, millis, inconclusive, null, null);
    }

    /** Whether the numbers can be used. */
    public boolean conclusive() {
        return inconclusive == null && Double.isFinite(lambdaMin) && Double.isFinite(lambdaMax);
    }

    /** A probe that produced nothing usable, with the reason. */
    public static CurvatureSnapshot inconclusive(String reason, int products, long millis) {
        return new CurvatureSnapshot(Double.NaN, Double.NaN, Double.NaN, Double.NaN, products, millis, reason);
    }
}
