package org.terrain4j.search.tpe;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A mixture of normals truncated to {@code [low, high]}, one centred on each observation with a
 * bandwidth equal to the larger gap to its sorted neighbours (Optuna's univariate rule, the
 * range's ends counting as neighbours except for the outermost observations), clipped to
 * {@code [range / min(100, 1 + n), range]} with the magic clip, plus a prior component centred
 * on the range with bandwidth {@code range}. With a {@code step}, values are multiples of it
 * and the density becomes the mass of {@code [x - step/2, x + step/2]} (ordinal levels).
 *
 * <p>As Optuna 3.1 does, a continuous component is evaluated without its {@code 1/sigma} factor
 * (Optuna's {@code _truncnorm.logpdf} leaves out {@code -log scale}), which weights wide
 * components by their width. The exact density was measured worse: median regret 0.055 vs
 * Optuna's 0.028 on Branin at 100 evaluations and 0.36 vs 0.23 on Hartmann-6 (60 seeds each).
 */
final class NumericalParzenEstimator implements ParzenEstimator {

    private final double low;
    private final double high;
    private final double step;
    private final double[] mus;
    private final double[] sigmas;
    private final double[] weights;

    /**
     * @param observations internal values in chronological order
     * @param low lower end of the range (for levels: -step/2 below the first)
     * @param high upper end of the range
     * @param step spacing of admissible values, or 0 when continuous
     */
    NumericalParzenEstimator(double[] observations, double low, double high, double step, TpeOptions options) {
        this.low = low;
        this.high = high;
        this.step = step;
        int n = observations.length;
        this.weights = ParzenEstimator.mixtureWeights(n, options.priorWeight());
        this.mus = Arrays.copyOf(observations, n + 1);
        mus[n] = 0.5 * (low + high);
        this.sigmas = bandwidths(mus, low, high, options.magicClip());
        sigmas[n] = high - low;
    }

    private static double[] bandwidths(double[] mus, double low, double high, boolean magicClip) {
        int m = mus.length;
        Integer[] order = new Integer[m];
        for (int k = 0; k < m; k++) {
            order[k] = k;
        }
        Arrays.sort(order, (a, b) -> Double.compare(mus[a], mus[b]));
        double[] withEnds = new double[m + 2];
        withEnds[0] = low;
        withEnds[m + 1] = high;
        for (int k = 0; k < m; k++) {
            withEnds[k + 1] = mus[order[k]];
        }
        double[] sorted = new double[m];
        for (int k = 0; k < m; k++) {
            sorted[k] = Math.max(withEnds[k + 1] - withEnds[k], withEnds[k + 2] - withEnds[k + 1]);
        }
        if (m + 2 >= 4) {
            // consider_endpoints=False: the outermost components look inward only
            sorted[0] = withEnds[2] - withEnds[1];
            sorted[m - 1] = withEnds[m] - withEnds[m - 1];
        }
        double range = high - low;
        double minimum = magicClip ? range / Math.min(100.0, 1.0 + m) : 1e-12;
        double[] sigmas = new double[m];
        for (int k = 0; k < m; k++) {
            sigmas[order[k]] = Math.min(range, Math.max(minimum, sorted[k]));
        }
        return sigmas;
    }

    @Override
    public double sample(SplittableRandom random) {
        int k = ParzenEstimator.component(weights, random);
        double x = TruncatedNormal.sample(mus[k], sigmas[k], low, high, random);
        if (step > 0) {
            double first = low + step / 2;
            double last = high - step / 2;
            x = Math.min(last, Math.max(first, first + Math.round((x - first) / step) * step));
        }
        return x;
    }

    @Override
    public double logDensity(double value) {
        double[] terms = new double[mus.length];
        for (int k = 0; k < mus.length; k++) {
            double log = step > 0
                    ? TruncatedNormal.logMassBetween(Math.max(low, value - step / 2), Math.min(high, value + step / 2),
                            mus[k], sigmas[k], low, high)
                    : TruncatedNormal.logDensity(value, mus[k], sigmas[k], low, high) + Math.log(sigmas[k]);
            terms[k] = log + Math.log(weights[k]);
        }
        return ParzenEstimator.logSumExp(terms);
    }
}
