package org.terrain4j.curvature;

import java.util.Random;

/** Small dense-vector helpers for the Krylov methods. */
final class Vectors {

    private Vectors() {
    }

    static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    /** {@code y += alpha * x}. */
    static void axpy(double alpha, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += alpha * x[i];
        }
    }

    static void scale(double alpha, double[] x) {
        for (int i = 0; i < x.length; i++) {
            x[i] *= alpha;
        }
    }

    /** A unit vector with independent standard normal directions. */
    static double[] randomUnit(int n, Random random) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = random.nextGaussian();
        }
        scale(1 / norm(v), v);
        return v;
    }

    /** A vector of independent +1/-1 entries (Rademacher). */
    static double[] rademacher(int n, Random random) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = random.nextBoolean() ? 1 : -1;
        }
        return v;
    }
}
