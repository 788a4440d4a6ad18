package org.terrain4j.bench;

/**
 * The standard test functions of hyperparameter-search benchmarks, minimized over a box:
 * Branin (2-D, three global minima) and Hartmann-6 (6-D, one global and several local minima),
 * with their known minima (Surjanovic and Bingham, Virtual Library of Simulation Experiments).
 */
enum SearchFunction {
    BRANIN(new double[] {-5, 0}, new double[] {10, 15}, 0.397887357729739) {
        @Override
        double value(double[] x) {
            double b = 5.1 / (4 * Math.PI * Math.PI);
            double c = 5 / Math.PI;
            double t = 1 / (8 * Math.PI);
            double inner = x[1] - b * x[0] * x[0] + c * x[0] - 6;
            return inner * inner + 10 * (1 - t) * Math.cos(x[0]) + 10;
        }
    },
    HARTMANN6(new double[6], new double[] {1, 1, 1, 1, 1, 1}, -3.32236801141551) {
        @Override
        double value(double[] x) {
            double sum = 0;
            for (int i = 0; i < 4; i++) {
                double exponent = 0;
                for (int j = 0; j < 6; j++) {
                    double d = x[j] - P[i][j] * 1e-4;
                    exponent += A[i][j] * d * d;
                }
                sum += ALPHA[i] * Math.exp(-exponent);
            }
            return -sum;
        }
    };

    private static final double[] ALPHA = {1.0, 1.2, 3.0, 3.2};
    private static final double[][] A = {
        {10, 3, 17, 3.5, 1.7, 8}, {0.05, 10, 17, 0.1, 8, 14}, {3, 3.5, 1.7, 10, 17, 8}, {17, 8, 0.05, 10, 0.1, 14}};
    private static final double[][] P = {
        {1312, 1696, 5569, 124, 8283, 5886}, {2329, 4135, 8307, 3736, 1004, 9991},
        {2348, 1451, 3522, 2883, 3047, 6650}, {4047, 8828, 8732, 5743, 1091, 381}};

    private final double[] lower;
    private final double[] upper;
    private final double minimum;

    SearchFunction(double[] lower, double[] upper, double minimum) {
        this.lower = lower;
        this.upper = upper;
        this.minimum = minimum;
    }

    abstract double value(double[] x);

    int dimension() {
        return lower.length;
    }

    double lower(int i) {
        return lower[i];
    }

    double upper(int i) {
        return upper[i];
    }

    /** {@code value(x) - minimum}. */
    double regret(double[] x) {
        return value(x) - minimum;
    }
}
