package org.terrain4j.search.tpe;

import java.util.SplittableRandom;

/**
 * A one-dimensional mixture density built from observations: one component per observation
 * plus a prior component. Values are internal ones: a unit coordinate, an ordinal level or a
 * category index.
 */
interface ParzenEstimator {

    /** A draw from the mixture. */
    double sample(SplittableRandom random);

    /** The log density (or log mass, for discrete values) at {@code value}. */
    double logDensity(double value);

    /** Mixture weights: the observations' chronological weights and the prior's, normalized. */
    static double[] mixtureWeights(int n, double priorWeight) {
        double[] observationWeights = TpeOptions.observationWeights(n);
        double[] w = new double[n + 1];
        System.arraycopy(observationWeights, 0, w, 0, n);
        w[n] = priorWeight;
        double sum = 0;
        for (double v : w) {
            sum += v;
        }
        for (int k = 0; k <= n; k++) {
            w[k] /= sum;
        }
        return w;
    }

    /** Component {@code k} drawn with probabilities {@code weights}. */
    static int component(double[] weights, SplittableRandom random) {
        double u = random.nextDouble();
        double cumulative = 0;
        for (int k = 0; k < weights.length; k++) {
            cumulative += weights[k];
            if (u < cumulative) {
                return k;
            }
        }
        return weights.length - 1;
    }

    /** {@code log sum_k exp(terms[k])}, stably. */
    static double logSumExp(double[] terms) {
        double max = Double.NEGATIVE_INFINITY;
        for (double t : terms) {
            max = Math.max(max, t);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        double sum = 0;
        for (double t : terms) {
            sum += Math.exp(t - max);
        }
        return max + Math.log(sum);
    }
}
