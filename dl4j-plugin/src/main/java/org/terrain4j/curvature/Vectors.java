package org.terrain4j.curvature;

/** Small dense-vector helpers for the Krylov methods. */
final class Vectors {

    private Vectors() {
    }

    /**
     * The dot product with four partial sums: one running sum waits on each addition's latency
     * (the JIT may not reorder floating-point sums), four keep the core busy; Lanczos spends
     * most of its own time here, on vectors of the network's size.
     */
    static double dot(double[] a, double[] b) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (int end = a.length - 3; i < end; i += 4) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }
        for (; i < a.length; i++) {
            s0 += a[i] * b[i];
        }
        return (s0 + s1) + (s2 + s3);
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

    /**
     * {@code y += alpha * x}, then {@code z . y}, in one pass: the recurrence's subtraction of the
     * previous Lanczos vector fused with the Rayleigh quotient of the current one.
     */
    static double axpyThenDot(double alpha, double[] x, double[] y, double[] z) {
        double s0 = 0;
        double s1 = 0;
        int i = 0;
        for (int end = y.length - 1; i < end; i += 2) {
            double y0 = y[i] + alpha * x[i];
            double y1 = y[i + 1] + alpha * x[i + 1];
            y[i] = y0;
            y[i + 1] = y1;
            s0 += z[i] * y0;
            s1 += z[i + 1] * y1;
        }
        for (; i < y.length; i++) {
            y[i] += alpha * x[i];
            s0 += z[i] * y[i];
        }
        return s0 + s1;
    }

    /** A new vector {@code alpha * x}. */
    static double[] scaled(double alpha, double[] x) {
        double[] result = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            result[i] = alpha * x[i];
        }
        return result;
    }
}
