package org.terrain4j.search.tpe;

import java.util.SplittableRandom;
import org.hipparchus.special.Erf;

/** The normal distribution truncated to {@code [low, high]}: draws and log densities (Hipparchus erf). */
final class TruncatedNormal {

    private static final double SQRT2 = Math.sqrt(2);
    private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

    private TruncatedNormal() {
    }

    /** {@code log P(a < Z < b)} for a standard normal Z. */
    static double logMass(double a, double b) {
        return Math.log(0.5 * Erf.erf(a / SQRT2, b / SQRT2));
    }

    /** A draw of {@code N(mu, sigma^2)} restricted to {@code [low, high]}, by inverting the CDF. */
    static double sample(double mu, double sigma, double low, double high, SplittableRandom random) {
        double a = (low - mu) / sigma;
        double b = (high - mu) / sigma;
        double ca = 0.5 * Erf.erfc(-a / SQRT2);
        double cb = 0.5 * Erf.erfc(-b / SQRT2);
        double u = ca + random.nextDouble() * (cb - ca);
        double z = SQRT2 * Erf.erfInv(2 * u - 1);
        return Math.min(high, Math.max(low, mu + sigma * z));
    }

    /** The log density at {@code x} in {@code [low, high]}. */
    static double logDensity(double x, double mu, double sigma, double low, double high) {
        double z = (x - mu) / sigma;
        return -0.5 * z * z - LOG_SQRT_2PI - Math.log(sigma) - logMass((low - mu) / sigma, (high - mu) / sigma);
    }

    /** The log mass of {@code [from, to]} under the truncated distribution. */
    static double logMassBetween(double from, double to, double mu, double sigma, double low, double high) {
        return logMass((from - mu) / sigma, (to - mu) / sigma) - logMass((low - mu) / sigma, (high - mu) / sigma);
    }
}
