package org.terrain4j.bench;

/**
 * The standard test functions of hyperparameter-search benchmarks, minimized over a box, with
 * their known minima (Surjanovic and Bingham, Virtual Library of Simulation Experiments): Branin
 * (2-D, three global minima) and Hartmann-6 (6-D, one global and several local minima), the
 * project's first two; then a wider suite from 2 to 10 dimensions: multimodal (Levy, Rastrigin,
 * Schwefel, Ackley, Michalewicz, Styblinski-Tang, Hartmann-3), ill-conditioned (Rosenbrock), and
 * noisy variants whose evaluations observe the value plus Gaussian noise.
 */
enum SearchFunction {
    BRANIN(box(2, -5, 10), 0.397887357729739) {
        @Override
        double value(double[] x) {
            double b = 5.1 / (4 * Math.PI * Math.PI);
            double c = 5 / Math.PI;
            double t = 1 / (8 * Math.PI);
            double inner = x[1] - b * x[0] * x[0] + c * x[0] - 6;
            return inner * inner + 10 * (1 - t) * Math.cos(x[0]) + 10;
        }
    },
    HARTMANN6(box(6, 0, 1), -3.32236801141551) {
        @Override
        double value(double[] x) {
            return hartmann(x, ALPHA, A, P);
        }
    },
    HARTMANN3(box(3, 0, 1), -3.86278214782076) {
        @Override
        double value(double[] x) {
            return hartmann(x, ALPHA, A3, P3);
        }
    },
    /** Levy, 4-D: rugged, many local minima on a bowl; minimum 0 at (1, ..., 1). */
    LEVY4(box(4, -10, 10), 0) {
        @Override
        double value(double[] x) {
            int d = x.length;
            double w1 = 1 + (x[0] - 1) / 4;
            double wd = 1 + (x[d - 1] - 1) / 4;
            double sum = Math.pow(Math.sin(Math.PI * w1), 2)
                    + (wd - 1) * (wd - 1) * (1 + Math.pow(Math.sin(2 * Math.PI * wd), 2));
            for (int i = 0; i < d - 1; i++) {
                double w = 1 + (x[i] - 1) / 4;
                sum += (w - 1) * (w - 1) * (1 + 10 * Math.pow(Math.sin(Math.PI * w + 1), 2));
            }
            return sum;
        }
    },
    /** Rosenbrock, 4-D: a curved, ill-conditioned valley; minimum 0 at (1, ..., 1). */
    ROSENBROCK4(box(4, -5, 10), 0) {
        @Override
        double value(double[] x) {
            double sum = 0;
            for (int i = 0; i < x.length - 1; i++) {
                double a = x[i + 1] - x[i] * x[i];
                sum += 100 * a * a + (x[i] - 1) * (x[i] - 1);
            }
            return sum;
        }
    },
    /** Schwefel, 4-D: deceptive, the best local minima far apart; minimum near 0 at 420.9687 each. */
    SCHWEFEL4(box(4, -500, 500), Double.NaN) {
        @Override
        double value(double[] x) {
            double sum = 418.9829 * x.length;
            for (double v : x) {
                sum -= v * Math.sin(Math.sqrt(Math.abs(v)));
            }
            return sum;
        }
    },
    /** Rastrigin, 5-D: a regular grid of local minima; minimum 0 at the origin. */
    RASTRIGIN5(box(5, -5.12, 5.12), 0) {
        @Override
        double value(double[] x) {
            double sum = 10 * x.length;
            for (double v : x) {
                sum += v * v - 10 * Math.cos(2 * Math.PI * v);
            }
            return sum;
        }
    },
    /** Michalewicz, 5-D (m = 10): steep narrow valleys; minimum -4.687658. */
    MICHALEWICZ5(box(5, 0, Math.PI), -4.687658) {
        @Override
        double value(double[] x) {
            double sum = 0;
            for (int i = 0; i < x.length; i++) {
                sum -= Math.sin(x[i]) * Math.pow(Math.sin((i + 1) * x[i] * x[i] / Math.PI), 20);
            }
            return sum;
        }
    },
    /** Styblinski-Tang, 8-D: 2^8 local minima; minimum -39.16616570377142 per coordinate. */
    STYBLINSKI_TANG8(box(8, -5, 5), -39.16616570377142 * 8) {
        @Override
        double value(double[] x) {
            double sum = 0;
            for (double v : x) {
                sum += v * v * v * v - 16 * v * v + 5 * v;
            }
            return sum / 2;
        }
    },
    /** Ackley, 10-D: a nearly flat outer region around one deep funnel; minimum 0 at the origin. */
    ACKLEY10(box(10, -32.768, 32.768), 0) {
        @Override
        double value(double[] x) {
            double squares = 0;
            double cosines = 0;
            for (double v : x) {
                squares += v * v;
                cosines += Math.cos(2 * Math.PI * v);
            }
            return -20 * Math.exp(-0.2 * Math.sqrt(squares / x.length)) - Math.exp(cosines / x.length) + 20 + Math.E;
        }
    },
    /** Branin observed with Gaussian noise of standard deviation 0.5 (regret is the true value's). */
    BRANIN_NOISY(BRANIN, 0.5),
    /** Hartmann-6 observed with Gaussian noise of standard deviation 0.1, a few points of accuracy. */
    HARTMANN6_NOISY(HARTMANN6, 0.1);

    private static final double[] ALPHA = {1.0, 1.2, 3.0, 3.2};
    private static final double[][] A = {
        {10, 3, 17, 3.5, 1.7, 8}, {0.05, 10, 17, 0.1, 8, 14}, {3, 3.5, 1.7, 10, 17, 8}, {17, 8, 0.05, 10, 0.1, 14}};
    private static final double[][] P = {
        {1312, 1696, 5569, 124, 8283, 5886}, {2329, 4135, 8307, 3736, 1004, 9991},
        {2348, 1451, 3522, 2883, 3047, 6650}, {4047, 8828, 8732, 5743, 1091, 381}};
    private static final double[][] A3 = {{3, 10, 30}, {0.1, 10, 35}, {3, 10, 30}, {0.1, 10, 35}};
    private static final double[][] P3 = {{3689, 1170, 2673}, {4699, 4387, 7470}, {1091, 8732, 5547}, {381, 5743, 8828}};

    private final double[] lower;
    private final double[] upper;
    private final double minimum;
    /** The function observed with noise, or null. */
    private final SearchFunction base;
    private final double noise;

    SearchFunction(double[][] box, double minimum) {
        this.lower = box[0];
        this.upper = box[1];
        this.base = null;
        this.noise = 0;
        // Schwefel's minimum is known only to rounding: its value at the known minimizer.
        this.minimum = Double.isNaN(minimum) ? value(filled(box[0].length, 420.968746)) : minimum;
    }

    SearchFunction(SearchFunction base, double noise) {
        this.lower = base.lower;
        this.upper = base.upper;
        this.minimum = base.minimum;
        this.base = base;
        this.noise = noise;
    }

    /** The noiseless value at {@code x}. */
    double value(double[] x) {
        return base.value(x);
    }

    /** The value an evaluation observes at {@code x}: the value plus Gaussian noise for the noisy variants. */
    double observe(double[] x, java.util.Random random) {
        return noise == 0 ? value(x) : value(x) + noise * random.nextGaussian();
    }

    /** The noise's standard deviation (0 for none). */
    double noise() {
        return noise;
    }

    private static double[][] box(int dimension, double lower, double upper) {
        return new double[][] {filled(dimension, lower), filled(dimension, upper)};
    }

    private static double[] filled(int dimension, double value) {
        double[] x = new double[dimension];
        java.util.Arrays.fill(x, value);
        return x;
    }

    private static double hartmann(double[] x, double[] alpha, double[][] a, double[][] p) {
        double sum = 0;
        for (int i = 0; i < 4; i++) {
            double exponent = 0;
            for (int j = 0; j < x.length; j++) {
                double d = x[j] - p[i][j] * 1e-4;
                exponent += a[i][j] * d * d;
            }
            sum += alpha[i] * Math.exp(-exponent);
        }
        return -sum;
    }

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
