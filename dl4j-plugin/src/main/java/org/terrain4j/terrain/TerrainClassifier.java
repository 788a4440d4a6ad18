package org.terrain4j.terrain;

import java.util.Locale;

/**
 * Names the terrain from a {@link TerrainSnapshot}, a pure function. In order:
 *
 * <ol>
 * <li>DIVERGING when the loss or gradient norm is NaN or infinite, or the smoothed loss rose
 *     above {@code explosionFactor} times its best;</li>
 * <li>PLATEAU when the plateau detector's patience ran out;</li>
 * <li>DESCENDING otherwise.</li>
 * </ol>
 *
 * Curvature-based kinds (SADDLE, MINIMUM, UNSTABLE) are added by the curvature probes.
 */
public final class TerrainClassifier {

    private final double explosionFactor;

    /**
     * @param explosionFactor how many times its best the smoothed loss may reach before it
     *                        counts as diverging, greater than 1
     */
    public TerrainClassifier(double explosionFactor) {
        if (!(explosionFactor > 1) || Double.isInfinite(explosionFactor)) {
            throw new IllegalArgumentException("explosionFactor must be finite and greater than 1, got "
                    + explosionFactor);
        }
        this.explosionFactor = explosionFactor;
    }

    /**
     * The allocation-free divergence test run every iteration: non-finite loss or gradient
     * norm, or a smoothed loss above {@code explosionFactor} times its best.
     */
    public boolean isDiverging(double loss, double gradientNorm, double smoothedLoss, double bestSmoothedLoss) {
        return !Double.isFinite(loss) || !Double.isFinite(gradientNorm)
                || (bestSmoothedLoss > 0 && smoothedLoss > explosionFactor * bestSmoothedLoss);
    }

    /** Names the terrain with its evidence. */
    public Classification classify(TerrainSnapshot s) {
        if (!Double.isFinite(s.loss())) {
            return new Classification(Terrain.DIVERGING, "loss is " + s.loss());
        }
        if (!Double.isFinite(s.gradientNorm())) {
            return new Classification(Terrain.DIVERGING, "gradient norm is " + s.gradientNorm());
        }
        if (isDiverging(s.loss(), s.gradientNorm(), s.smoothedLoss(), s.bestSmoothedLoss())) {
            return new Classification(Terrain.DIVERGING, String.format(Locale.ROOT,
                    "smoothed loss %.4g is over %.3g times its best %.4g",
                    s.smoothedLoss(), explosionFactor, s.bestSmoothedLoss()));
        }
        if (s.plateau()) {
            return new Classification(Terrain.PLATEAU, String.format(Locale.ROOT,
                    "no improvement of the monitored value for %d check%s (now %.4g)",
                    s.badChecks(), s.badChecks() == 1 ? "" : "s", s.monitored()));
        }
        return new Classification(Terrain.DESCENDING, "improving");
    }
}
