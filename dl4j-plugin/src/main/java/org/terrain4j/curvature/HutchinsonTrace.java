package org.terrain4j.curvature;

import java.util.Random;

/**
 * Hutchinson's estimator of {@code tr(A)}: the mean of {@code z^T A z} over Rademacher vectors
 * {@code z} (Hutchinson 1990), unbiased with variance {@code 2 (||A||_F^2 - sum A_ii^2)} per probe.
 */
public final class HutchinsonTrace {

    private HutchinsonTrace() {
    }

    /**
     * Estimates the trace.
     *
     * @param operator the operator
     * @param probes Rademacher vectors to average, at least 2
     * @param random source of the probes
     */
    public static TraceEstimate estimate(SymmetricOperator operator, int probes, Random random) {
        if (probes < 2) {
            throw new IllegalArgumentException("Hutchinson needs at least 2 probes for an error estimate, got " + probes);
        }
        int n = operator.dimension();
        double[] out = new double[n];
        double sum = 0;
        double sumSquares = 0;
        for (int p = 0; p < probes; p++) {
            double[] z = RandomVectors.rademacher(n, random);
            operator.apply(z, out);
            double sample = Vectors.dot(z, out);
            sum += sample;
            sumSquares += sample * sample;
        }
        double mean = sum / probes;
        double variance = Math.max(0, (sumSquares - probes * mean * mean) / (probes - 1));
        return new TraceEstimate(mean, Math.sqrt(variance / probes), probes);
    }

    /**
     * @param trace the estimate
     * @param standardError its standard error from the probes' spread
     * @param products operator products spent
     */
    public record TraceEstimate(double trace, double standardError, int products) {
    }
}
