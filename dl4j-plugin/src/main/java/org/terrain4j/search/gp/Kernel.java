package org.terrain4j.search.gp;

/**
 * The shape of the Gaussian process's covariance, in coordinates already divided by their length
 * scales ({@code u_i = x_i / l_i}). Both shapes have the same hyperparameters (a length scale per
 * coordinate, a signal variance {@code s^2}, a noise variance), so their fitted marginal
 * likelihoods compare one for one and the sampler keeps the shape the data favour.
 */
public enum Kernel {

    /**
     * Matern 5/2 of the Euclidean distance, {@code k = s^2 m(|u - v|)}: every coordinate interacts
     * with every other (automatic relevance determination, Rasmussen and Williams, eq. 4.17).
     */
    PRODUCT {
        @Override
        double correlation(double[] u, double[] v) {
            return Matern52.correlation(Matern52.distance(u, v));
        }

        @Override
        double correlation(double[] u, double[] v, double[] lengthGradient) {
            double r2 = 0;
            for (int i = 0; i < u.length; i++) {
                double delta = u[i] - v[i];
                lengthGradient[i] = delta * delta;
                r2 += lengthGradient[i];
            }
            double r = Math.sqrt(r2);
            double factor = Matern52.lengthScaleFactor(r);
            for (int i = 0; i < u.length; i++) {
                lengthGradient[i] *= factor;
            }
            return Matern52.correlation(r);
        }
    },

    /**
     * The mean of one-dimensional Matern 5/2 kernels, {@code k = s^2 / d sum_i m(|u_i - v_i|)}:
     * a first-order additive Gaussian process (Duvenaud, Nickisch and Rasmussen, NeurIPS 2011).
     * A sum of functions of one coordinate each, so every observation teaches the model about
     * every coordinate's own curve: separable objectives with many local minima per coordinate
     * (Schwefel, Rastrigin, Styblinski-Tang), which a product kernel cannot learn from a few dozen
     * points, are learned from them.
     */
    ADDITIVE {
        @Override
        double correlation(double[] u, double[] v) {
            double sum = 0;
            for (int i = 0; i < u.length; i++) {
                sum += Matern52.correlation(Math.abs(u[i] - v[i]));
            }
            return sum / u.length;
        }

        @Override
        double correlation(double[] u, double[] v, double[] lengthGradient) {
            double sum = 0;
            for (int i = 0; i < u.length; i++) {
                double r = Math.abs(u[i] - v[i]);
                sum += Matern52.correlation(r);
                lengthGradient[i] = Matern52.lengthScaleFactor(r) * r * r / u.length;
            }
            return sum / u.length;
        }
    };

    /** {@code k / s^2} between two scaled points. */
    abstract double correlation(double[] u, double[] v);

    /**
     * {@code k / s^2} between two scaled points; writes {@code d(k / s^2) / d log l_i} into
     * {@code lengthGradient} (as long as the points).
     */
    abstract double correlation(double[] u, double[] v, double[] lengthGradient);
}
