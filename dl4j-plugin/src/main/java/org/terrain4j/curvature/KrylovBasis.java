package org.terrain4j.curvature;

/**
 * The orthonormal vectors of a Lanczos run and their reorthogonalization, which streams the
 * whole basis through memory at every step (18 vectors of a 235k-parameter network: 34 MB)
 * and is the method's own cost beside the operator's products.
 */
final class KrylovBasis {

    /** Basis vectors per sweep of the classical pass: four sums, five streams of memory. */
    private static final int BLOCK = 4;

    private final double[][] vectors;
    private int size;

    KrylovBasis(int capacity) {
        this.vectors = new double[capacity][];
    }

    /** Appends {@code q}, which is kept, not copied: the caller must not change it afterwards. */
    void add(double[] q) {
        vectors[size++] = q;
    }

    /**
     * Removes from {@code w} what rounding left of its components along the basis, once the
     * three-term recurrence has taken out the large ones: one pass of classical Gram-Schmidt
     * against every vector, {@value #BLOCK} vectors per sweep over {@code w}: one read of
     * {@code w} per block instead of one per vector, and independent sums that keep the core
     * busy. (Chunking {@code w} to keep it in L1 while all vectors stream past was 1.5 to 2.5
     * times slower on 235k parameters and 18 vectors: the JIT's short inner loops cost more than
     * the memory it saves.)
     */
    void orthogonalize(double[] w) {
        int j = 0;
        for (; j + BLOCK <= size; j += BLOCK) {
            subtractBlock(j, w);
        }
        for (; j < size; j++) {
            Vectors.axpy(-Vectors.dot(vectors[j], w), vectors[j], w);
        }
    }

    private void subtractBlock(int first, double[] w) {
        double[] a = vectors[first];
        double[] b = vectors[first + 1];
        double[] c = vectors[first + 2];
        double[] d = vectors[first + 3];
        double sa = 0;
        double sb = 0;
        double sc = 0;
        double sd = 0;
        for (int i = 0; i < w.length; i++) {
            double x = w[i];
            sa += a[i] * x;
            sb += b[i] * x;
            sc += c[i] * x;
            sd += d[i] * x;
        }
        for (int i = 0; i < w.length; i++) {
            w[i] -= sa * a[i] + sb * b[i] + sc * c[i] + sd * d[i];
        }
    }

    /**
     * Two combinations {@code sum_j x[j] * q_j} and {@code sum_j y[j] * q_j} (the two extreme
     * Ritz vectors) in one pass over the basis: each basis vector is read once, not once per
     * combination and per vector with the result read and written each time.
     */
    double[][] combinations(double[] x, double[] y) {
        int n = vectors[0].length;
        double[] first = new double[n];
        double[] second = new double[n];
        int j = 0;
        for (; j + 2 <= size; j += 2) {
            double[] a = vectors[j];
            double[] b = vectors[j + 1];
            double xa = x[j];
            double xb = x[j + 1];
            double ya = y[j];
            double yb = y[j + 1];
            for (int i = 0; i < n; i++) {
                double p = a[i];
                double q = b[i];
                first[i] += xa * p + xb * q;
                second[i] += ya * p + yb * q;
            }
        }
        for (; j < size; j++) {
            Vectors.axpy(x[j], vectors[j], first);
            Vectors.axpy(y[j], vectors[j], second);
        }
        return new double[][] {first, second};
    }
}
