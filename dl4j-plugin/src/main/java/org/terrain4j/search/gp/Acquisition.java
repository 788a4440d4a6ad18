package org.terrain4j.search.gp;

import org.hipparchus.special.Erf;

/**
 * How much a point is worth evaluating next, from the posterior mean {@code mu} and standard
 * deviation {@code sigma} of the loss there and the best loss seen, {@code best} (all in
 * standardized units; lower loss is better). Larger is better. Expected and probability of
 * improvement are returned as logarithms, so they still rank points far from the incumbent,
 * where the plain values underflow to 0.
 */
public sealed interface Acquisition {

    /** The score of a point; larger is better. */
    double score(double mu, double sigma, double best);

    /**
     * Whether the score is the logarithm of a positive worth (expected or probability of
     * improvement), so that subtracting a log cost divides the worth by the cost.
     */
    default boolean logarithmic() {
        return true;
    }

    /**
     * Expected improvement {@code E[max(best - xi - f, 0)]} (Jones, Schonlau and Welch 1998),
     * as its logarithm.
     *
     * @param xi the margin an improvement must exceed, in standardized units, at least 0
     */
    record ExpectedImprovement(double xi) implements Acquisition {
        /** Validates. */
        public ExpectedImprovement {
            requireNonNegative("xi", xi);
        }

        @Override
        public double score(double mu, double sigma, double best) {
            double z = (best - xi - mu) / sigma;
            return Math.log(sigma) + logImprovementDensity(z);
        }
    }

    /**
     * Probability of improvement {@code P(f < best - xi)} (Kushner 1964), as its logarithm.
     *
     * @param xi the margin, at least 0
     */
    record ProbabilityOfImprovement(double xi) implements Acquisition {
        /** Validates. */
        public ProbabilityOfImprovement {
            requireNonNegative("xi", xi);
        }

        @Override
        public double score(double mu, double sigma, double best) {
            return logNormalCdf((best - xi - mu) / sigma);
        }
    }

    /**
     * The lower confidence bound of the loss, negated: {@code -(mu - beta sigma)} (Srinivas et
     * al. 2010, for minimization).
     *
     * @param beta the weight of exploration, at least 0
     */
    record UpperConfidenceBound(double beta) implements Acquisition {
        /** Validates. */
        public UpperConfidenceBound {
            requireNonNegative("beta", beta);
        }

        @Override
        public double score(double mu, double sigma, double best) {
            return -(mu - beta * sigma);
        }

        @Override
        public boolean logarithmic() {
            return false;
        }
    }

    private static void requireNonNegative(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and >= 0, got " + value);
        }
    }

    /** {@code log(z Phi(z) + phi(z))}, with the asymptotic series below z = -6 where the sum cancels. */
    static double logImprovementDensity(double z) {
        if (z > -6) {
            return Math.log(z * normalCdf(z) + normalDensity(z));
        }
        double inverse2 = 1 / (z * z);
        return logNormalDensity(z) + Math.log(inverse2) + Math.log1p(-3 * inverse2 + 15 * inverse2 * inverse2);
    }

    /** {@code log Phi(z)}, with the asymptotic series below z = -20. */
    static double logNormalCdf(double z) {
        if (z > -20) {
            return Math.log(normalCdf(z));
        }
        double inverse2 = 1 / (z * z);
        return logNormalDensity(z) - Math.log(-z) + Math.log1p(-inverse2 + 3 * inverse2 * inverse2);
    }

    static double normalCdf(double z) {
        return 0.5 * Erf.erfc(-z / Math.sqrt(2));
    }

    static double normalDensity(double z) {
        return Math.exp(logNormalDensity(z));
    }

    static double logNormalDensity(double z) {
        return -0.5 * z * z - 0.5 * Math.log(2 * Math.PI);
    }
}
