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
        double[] samples = new double[probes];
        for (int p = 0; p < probes; p++) {
            double[] z = RandomVectors.rademacher(n, random);
            operator.apply(z, out);
            samples[p] = Vectors.dot(z, out);
        }
        return fromSamples(samples, probes);
    }

    /**
     * The estimate from samples {@code z^T A z} already taken, each unbiased for {@code tr(A)}
     * (Gaussian or Rademacher {@code z}, or {@code n q^T A q} for a unit {@code q} uniform on the
     * sphere, such as a Lanczos start): products a probe made for other reasons give a trace
     * for free, with a standard error from their spread (NaN for one sample).
     *
     * @param samples at least one
     */
    public static TraceEstimate fromSamples(double... samples) {
        return fromSamples(samples, 0);
    }

    /** The mean of the samples and its standard error (NaN for one sample), for {@code products} products. */
    private static TraceEstimate fromSamples(double[] samples, int products) {
        if (samples.length == 0) {
            throw new IllegalArgumentException("a trace estimate needs at least one sample");
        }
        double sum = 0;
        for (double sample : samples) {
            sum += sample;
        }
        double mean = sum / samples.length;
        if (samples.length == 1) {
            return new TraceEstimate(mean, Double.NaN, products);
        }
        double squares = 0;
        for (double sample : samples) {
            squares += (sample - mean) * (sample - mean);
        }
        return new TraceEstimate(mean, Math.sqrt(squares / (samples.length - 1) / samples.length), products);
    }

    /**
     * @param trace the estimate
     * @param standardError its standard error from the probes' spread
     * @param products operator products spent
     */
    public record TraceEstimate(double trace, double standardError, int products) {
    }
}
