package org.terrain4j.search.gp;

import java.util.Arrays;

/**
 * Losses to zero mean and unit spread, as the Gaussian process models them (spread 1 when all are
 * equal), with the best and worst standardized loss.
 */
record Standardization(double mean, double spread, double best, double worst) {

    /** The standardization of {@code losses}, at least one, all finite. */
    static Standardization of(double[] losses) {
        double mean = Arrays.stream(losses).average().orElseThrow();
        double sumSquares = Arrays.stream(losses).map(v -> (v - mean) * (v - mean)).sum();
        double spread = Math.sqrt(sumSquares / losses.length);
        if (!(spread > 1e-12 * Math.max(1, Math.abs(mean)))) {
            spread = 1;
        }
        double best = Arrays.stream(losses).min().orElseThrow();
        double worst = Arrays.stream(losses).max().orElseThrow();
        return new Standardization(mean, spread, (best - mean) / spread, (worst - mean) / spread);
    }

    double apply(double loss) {
        return (loss - mean) / spread;
    }
}
