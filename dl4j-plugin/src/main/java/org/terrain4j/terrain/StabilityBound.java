package org.terrain4j.terrain;

import java.util.Locale;

/**
 * The largest {@code lr * lambda_max} at which an updater's step is stable on a quadratic: the
 * bound behind UNSTABLE and the learning-rate cap. Gradient descent diverges along an
 * eigenvector of curvature {@code lambda} once {@code h = lr * lambda > 2}. With Nesterov momentum
 * {@code mu} (DL4J's {@code Nesterovs}: {@code v = mu v - lr g}, {@code theta += (1 + mu) v - mu v_prev})
 * the iteration on {@code (theta, v)} has trace {@code 1 + mu - (1 + mu) h} and determinant
 * {@code mu (1 - h)}; the Jury conditions give {@code h < 2 (1 + mu) / (1 + 2 mu)}, about 1.36
 * for {@code mu = 0.9}: the plain bound 2 lets such a run oscillate and blow up. Adaptive
 * updaters (Adam and the like) scale each coordinate by their own statistics and have no such
 * bound ({@link #NONE}).
 *
 * @param value the bound on {@code lr * lambda_max}; infinite for {@link #NONE}
 * @param rule how it was derived, for the events ("2", "2(1+mu)/(1+2mu) with mu 0.9")
 */
public record StabilityBound(double value, String rule) {

    /** No bound: adaptive updaters, or layers with different kinds of updater. */
    public static final StabilityBound NONE = new StabilityBound(Double.POSITIVE_INFINITY, "none (adaptive updater)");

    /** Validates: positive (possibly infinite), with a rule. */
    public StabilityBound {
        if (!(value > 0)) {
            throw new IllegalArgumentException("a stability bound must be positive, got " + value);
        }
        if (rule == null || rule.isBlank()) {
            throw new IllegalArgumentException("a stability bound needs its rule");
        }
    }

    /** Plain gradient descent (DL4J's {@code Sgd}): {@code lr * lambda_max < 2}. */
    public static StabilityBound gradientDescent() {
        return new StabilityBound(2, "2");
    }

    /** Nesterov momentum (DL4J's {@code Nesterovs}): {@code lr * lambda_max < 2 (1 + mu) / (1 + 2 mu)}. */
    public static StabilityBound nesterov(double momentum) {
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        }
        return new StabilityBound(2 * (1 + momentum) / (1 + 2 * momentum),
                String.format(Locale.ROOT, "2(1+mu)/(1+2mu) with mu %.3g", momentum));
    }

    /** Whether a bound applies at all. */
    public boolean applies() {
        return value < Double.POSITIVE_INFINITY;
    }

    /** The tighter of two bounds (for layers with different updaters). */
    public StabilityBound tighter(StabilityBound other) {
        return other.value < value ? other : this;
    }

    /** Whether {@code learningRate * lambdaMax} is beyond the bound. */
    public boolean exceededBy(double learningRate, double lambdaMax) {
        return learningRate * lambdaMax > value;
    }

    /**
     * The factor that brings {@code learningRate} to {@code margin * bound / lambda_max}, for a
     * cap below the bound; 1 when already below it or when no bound applies.
     */
    public double capFactor(double learningRate, double lambdaMax, double margin) {
        double cap = cap(lambdaMax, margin);
        return learningRate > cap ? cap / learningRate : 1.0;
    }

    /** The capped rate itself: {@code margin * bound / lambda_max}. */
    public double cap(double lambdaMax, double margin) {
        return margin * value / lambdaMax;
    }
}
