package org.terrain4j.terrain;

/**
 * The kinds of terrain the optimizer can be in. DESCENDING, PLATEAU and DIVERGING are told
 * apart by loss and gradient statistics alone; SADDLE, MINIMUM and UNSTABLE need curvature
 * (Hessian probes) and are reported only when a probe has run.
 */
public enum Terrain {
    /** The monitored quantity is still improving. */
    DESCENDING(false),
    /** The monitored quantity stopped improving for longer than the patience. */
    PLATEAU(false),
    /** Small gradient with significant negative curvature: {@code lambda_min < -tau |lambda_max|}. */
    SADDLE(true),
    /** Small gradient without significant negative curvature. */
    MINIMUM(true),
    /** The learning rate exceeds the updater's stability bound over lambda_max (see {@link StabilityBound}). */
    UNSTABLE(true),
    /** The loss or gradient is not finite, or the loss exploded above its best. */
    DIVERGING(false);

    private final boolean needsCurvature;

    Terrain(boolean needsCurvature) {
        this.needsCurvature = needsCurvature;
    }

    /** Whether telling this terrain apart requires a curvature probe. */
    public boolean needsCurvature() {
        return needsCurvature;
    }
}
