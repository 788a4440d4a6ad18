package org.terrain4j.terrain;

import java.util.Locale;

/**
 * Names the terrain where the gradient alone cannot, from a conclusive curvature probe (a pure
 * function). In order, after the checks of {@link TerrainClassifier} found no divergence:
 *
 * <ol>
 * <li>UNSTABLE: {@code lr * lambda_max} is beyond the updater's {@link StabilityBound} (2 for
 *     gradient descent, about 1.36 for Nesterov momentum 0.9; none for adaptive updaters);</li>
 * <li>with a small gradient (the smoothed gradient norm below {@code smallGradient} times its
 *     peak, or a first-order predicted loss decrease per step {@code lr |g|^2} below
 *     {@code progress} times the loss, which also catches training that starts on a saddle): SADDLE when {@code lambda_min < -tau * |lambda_max|}; PLATEAU when
 *     {@code |lambda_max|} is below {@code flatCurvature}; MINIMUM otherwise;</li>
 * <li>nothing (the gradient-based classification stands) otherwise.</li>
 * </ol>
 *
 * @param tau how negative lambda_min must be, relative to |lambda_max|, to count as a saddle, in (0, 1)
 * @param smallGradient share of its peak below which the smoothed gradient norm counts as small, in (0, 1)
 * @param flatCurvature |lambda_max| below which the curvature counts as flat, non-negative
 * @param progress relative first-order loss decrease per step below which the gradient counts as
 *                 small, in (0, 1)
 */
public record CurvatureClassifier(double tau, double smallGradient, double flatCurvature, double progress) {

    /**
     * Saddle when lambda_min < -0.01 |lambda_max|; small gradient below 10% of its peak or below a
     * 1e-6 relative decrease per step; flat below 1e-3.
     */
    public static final CurvatureClassifier DEFAULTS = new CurvatureClassifier(0.01, 0.1, 1e-3, 1e-6);

    /** Validates the thresholds, naming the bad one. */
    public CurvatureClassifier {
        if (!(tau > 0 && tau < 1)) {
            throw new IllegalArgumentException("tau must be in (0, 1), got " + tau);
        }
        if (!(smallGradient > 0 && smallGradient < 1)) {
            throw new IllegalArgumentException("smallGradient must be in (0, 1), got " + smallGradient);
        }
        if (!(flatCurvature >= 0) || Double.isInfinite(flatCurvature)) {
            throw new IllegalArgumentException("flatCurvature must be finite and non-negative, got " + flatCurvature);
        }
        if (!(progress > 0 && progress < 1)) {
            throw new IllegalArgumentException("progress must be in (0, 1), got " + progress);
        }
    }

    /**
     * The curvature-based terrain, or null when curvature adds nothing (inconclusive probe, or a
     * large gradient within the stability bound).
     *
     * @param smoothedGradientNorm the smoothed gradient norm now
     * @param peakGradientNorm its largest value so far
     * @param loss the smoothed loss
     * @param curvature the probe's result
     * @param learningRate the current learning rate
     * @param bound the updater's stability bound on {@code lr * lambda_max} ({@link StabilityBound#NONE}
     *              for adaptive updaters, which are exempt)
     */
    public Classification classify(double smoothedGradientNorm, double peakGradientNorm, double loss,
                                   CurvatureSnapshot curvature, double learningRate, StabilityBound bound) {
        if (!curvature.conclusive()) {
            return null;
        }
        double min = curvature.lambdaMin();
        double max = curvature.lambdaMax();
        if (bound.exceededBy(learningRate, max)) {
            return new Classification(Terrain.UNSTABLE, String.format(Locale.ROOT,
                    "learning rate %.4g times lambda_max %.4g is %.3g, above the stability bound %.4g = %s",
                    learningRate, max, learningRate * max, bound.value(), bound.rule()));
        }
        if (!isSmallGradient(smoothedGradientNorm, peakGradientNorm, loss, learningRate)) {
            return null;
        }
        if (min < -tau * Math.abs(max)) {
            return new Classification(Terrain.SADDLE, String.format(Locale.ROOT,
                    "small gradient (%.3g, peak %.3g) and negative curvature: lambda_min %.4g, lambda_max %.4g",
                    smoothedGradientNorm, peakGradientNorm, min, max));
        }
        if (Math.abs(max) < flatCurvature) {
            return new Classification(Terrain.PLATEAU, String.format(Locale.ROOT,
                    "small gradient (%.3g, peak %.3g) and flat curvature: |lambda_max| %.3g", smoothedGradientNorm,
                    peakGradientNorm, Math.abs(max)));
        }
        return new Classification(Terrain.MINIMUM, String.format(Locale.ROOT,
                "small gradient (%.3g, peak %.3g) without significant negative curvature: lambda_min %.4g, "
                        + "lambda_max %.4g", smoothedGradientNorm, peakGradientNorm, min, max));
    }

    /**
     * Whether the gradient counts as small: below {@code smallGradient} times its peak, or with a
     * first-order loss decrease per step {@code lr |g|^2} below {@code progress} times the loss.
     * Also the listener's cheap "stalling" signal that triggers a probe.
     */
    public boolean isSmallGradient(double smoothedGradientNorm, double peakGradientNorm, double loss,
                                   double learningRate) {
        return smoothedGradientNorm < smallGradient * peakGradientNorm
                || learningRate * smoothedGradientNorm * smoothedGradientNorm < progress * Math.abs(loss);
    }
}
