package org.terrain4j.search.gp;

/**
 * The Matern 5/2 correlation {@code m(r) = (1 + sqrt5 r + 5/3 r^2) exp(-sqrt5 r)} of a distance
 * {@code r} in length-scale units (Rasmussen and Williams, eq. 4.17), and the scaling by length
 * scales that the {@link Kernel}s apply it after. Twice differentiable, so less smooth than the
 * squared exponential and a better prior for validation scores.
 */
final class Matern52 {

    static final double SQRT5 = Math.sqrt(5);

    private Matern52() {
    }

    /** {@code m(r)} at scaled distance {@code r}. */
    static double correlation(double r) {
        return (1 + SQRT5 * r + 5.0 / 3 * r * r) * Math.exp(-SQRT5 * r);
    }

    /**
     * {@code d m / d log l_i = factor(r) * ((x_i - y_i) / l_i)^2} (from
     * {@code dm/dr = -5/3 r (1 + sqrt5 r) exp(-sqrt5 r)} and {@code dr/dlog l_i = -((x_i-y_i)/l_i)^2 / r}).
     */
    static double lengthScaleFactor(double r) {
        return 5.0 / 3 * (1 + SQRT5 * r) * Math.exp(-SQRT5 * r);
    }

    /** The points divided coordinate-wise by the length scales, so distances are plain Euclidean. */
    static double[][] scaled(double[][] x, GpHyperparameters h) {
        double[][] s = new double[x.length][];
        for (int a = 0; a < x.length; a++) {
            s[a] = scaled(x[a], h);
        }
        return s;
    }

    static double[] scaled(double[] point, GpHyperparameters h) {
        double[] s = new double[point.length];
        for (int i = 0; i < point.length; i++) {
            s[i] = point[i] / h.lengthScale(i);
        }
        return s;
    }

    static double distance(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            sum += d * d;
        }
        return Math.sqrt(sum);
    }
}
