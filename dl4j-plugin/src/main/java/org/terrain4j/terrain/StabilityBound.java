package org.terrain4j.terrain;

import java.util.Locale;

/**
 * The largest {@code lr * lambda_max} at which an updater's step is stable on a quadratic: the
 * bound behind UNSTABLE and the learning-rate cap. Gradient descent diverges along an
 * eigenvector of curvature {@code lambda} once {@code h = lr * lambda > 2}. With Nesterov momentum
 * {@code mu} (DL4J's {@code Nesterovs}: {@code v = mu v - lr g}, {@code theta += (1 + mu) v - mu v_prev})
 * the iteration on {@code (theta, v)} has trace {@code 1 + mu - (1 + mu) h} and determinant
 * {@code mu (1 - h)}; the Jury conditions give {@code h < 2 (1 + mu) / (1 + 2 mu)}, about 1.36
 * for {@code mu = 0.9}: the plain bound 2 lets such a run oscillate and blow up.
 *
 * <p>Adam scales each coordinate by its own statistics, so its bound is on the preconditioned
 * Hessian {@code P^-1 H} ({@link #preconditioned()}): with DL4J's step
 * {@code lr sqrt(1 - beta2^t) / (1 - beta1^t) m / (sqrt(v) + eps)}, {@code P^-1} is the diagonal
 * {@code sqrt(1 - beta2^t) / ((1 - beta1^t) (sqrt(v) + eps))}, and Adam is heavy-ball momentum
 * with an exponential moving average on the preconditioned problem, stable while
 * {@code lr * lambda_max(P^-1 H) < (2 + 2 beta1) / (1 - beta1)}, 38 for {@code beta1 = 0.9}
 * (Cohen et al., "Adaptive gradient methods at the edge of stability", 2022). RMSProp has no
 * momentum: gradient descent on the preconditioned problem, stable while
 * {@code lr * lambda_max(P^-1 H) < 2}. Other adaptive updaters have no bound here ({@link #NONE}).
 *
 * @param value the bound on {@code lr * lambda_max}; infinite for {@link #NONE}
 * @param rule how it was derived, for the events ("2", "2(1+mu)/(1+2mu) with mu 0.9")
 * @param preconditioned whether {@code lambda_max} is that of the updater's preconditioned Hessian
 *                       {@code P^-1 H} rather than of {@code H}
 */
public record StabilityBound(double value, String rule, boolean preconditioned) {

    /** No bound: adaptive updaters other than Adam, or layers with different kinds of updater. */
    public static final StabilityBound NONE = new StabilityBound(Double.POSITIVE_INFINITY,
            "none (adaptive updater without a known bound, or layers with different updaters)", false);

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
        return new StabilityBound(2, "2", false);
    }

    /** Nesterov momentum (DL4J's {@code Nesterovs}): {@code lr * lambda_max < 2 (1 + mu) / (1 + 2 mu)}. */
    public static StabilityBound nesterov(double momentum) {
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        }
        return new StabilityBound(2 * (1 + momentum) / (1 + 2 * momentum),
                String.format(Locale.ROOT, "2(1+mu)/(1+2mu) with mu %.3g", momentum), false);
    }

    /** Adam (DL4J's {@code Adam}): {@code lr * lambda_max(P^-1 H) < (2 + 2 beta1) / (1 - beta1)}. */
    public static StabilityBound adam(double beta1) {
        if (!(beta1 >= 0 && beta1 < 1)) {
            throw new IllegalArgumentException("beta1 must be in [0, 1), got " + beta1);
        }
        return new StabilityBound((2 + 2 * beta1) / (1 - beta1), String.format(Locale.ROOT,
                "(2+2beta1)/(1-beta1) with beta1 %.3g, on Adam's preconditioned Hessian", beta1), true);
    }

    /** Whether a bound applies at all. */
    public boolean applies() {
        return value < Double.POSITIVE_INFINITY;
    }

    /** RMSProp (DL4J's {@code RmsProp}): {@code lr * lambda_max(P^-1 H) < 2}. */
    public static StabilityBound rmsProp() {
        return new StabilityBound(2, "2, on RMSProp's preconditioned Hessian", true);
    }

    /**
     * The tighter of two bounds (for layers with different updaters); {@link #NONE} when one is
     * on the preconditioned Hessian and the other is not, which no single probe can judge.
     */
    public StabilityBound tighter(StabilityBound other) {
        if (other.preconditioned != preconditioned) {
            return NONE;
        }
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
