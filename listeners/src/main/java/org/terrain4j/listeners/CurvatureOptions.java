package org.terrain4j.listeners;

import org.terrain4j.control.InstabilityTest;
import org.terrain4j.control.ProbeSchedule;
import org.terrain4j.probe.ProductPrecision;
import org.terrain4j.probe.SaddleEscape;
import org.terrain4j.terrain.CurvatureClassifier;

/**
 * Settings of the listener's curvature probes and the actions they drive.
 *
 * @param schedule when to probe and how much time probes may take
 * @param lanczosSteps Hessian-vector products per Lanczos run, at least 2
 * @param symmetryTolerance relative asymmetry |u.Hv - v.Hu| beyond which a probe is inconclusive
 *                          (costs 2 products); 0 skips the check
 * @param classifier thresholds of SADDLE, MINIMUM, flat PLATEAU
 * @param capMargin an UNSTABLE rate, once the loss confirms it ({@code instability}), is capped at
 *                  {@code capMargin * bound / lambda_max}, in (0, 1), where the bound is the updater's
 *                  {@link org.terrain4j.terrain.StabilityBound}
 * @param seed seed of the probes' random vectors
 * @param escape how to step out of a saddle, or null to only report saddles
 * @param instability the test of the recent losses that must confirm an UNSTABLE probe before a cap (the edge
 *                    of stability is not an instability), or null to report UNSTABLE probes without
 *                    capping (a rollback still caps a rate its probe finds beyond the bound)
 * @param precision the type the Hessian-vector products are computed in; {@link ProductPrecision#FLOAT64}
 *                  probes a float32 network on a float64 shadow of it (exact on ReLU networks, where float32
 *                  differences are not)
 */
public record CurvatureOptions(ProbeSchedule schedule, int lanczosSteps, double symmetryTolerance,
                               CurvatureClassifier classifier, double capMargin, long seed, SaddleEscape escape,
                               InstabilityTest instability, ProductPrecision precision) {

    /**
     * Probes per {@link ProbeSchedule#DEFAULTS} with 20 products, cap at 80% of the stability bound over lambda_max,
     * saddle escape per {@link SaddleEscape#DEFAULTS}, caps confirmed
     * by {@link InstabilityTest#DEFAULTS}, products in float64.
     */
    public static final CurvatureOptions DEFAULTS = new CurvatureOptions(ProbeSchedule.DEFAULTS, 20, 1e-2,
            CurvatureClassifier.DEFAULTS, 0.8, 42, SaddleEscape.DEFAULTS, InstabilityTest.DEFAULTS,
            ProductPrecision.FLOAT64);

    /** Validates, naming the bad option. */
    public CurvatureOptions {
        if (schedule == null || classifier == null || precision == null) {
            throw new IllegalArgumentException("schedule, classifier and precision are required");
        }
        if (lanczosSteps < 2) {
            throw new IllegalArgumentException("lanczosSteps must be at least 2, got " + lanczosSteps);
        }
        if (!(symmetryTolerance >= 0) || Double.isInfinite(symmetryTolerance)) {
            throw new IllegalArgumentException("symmetryTolerance must be finite and non-negative, got "
                    + symmetryTolerance);
        }
        if (!(capMargin > 0 && capMargin < 1)) {
            throw new IllegalArgumentException("capMargin must be in (0, 1), got " + capMargin);
        }
    }

    /** These options with another probe schedule. */
    public CurvatureOptions withSchedule(ProbeSchedule value) {
        return new CurvatureOptions(value, lanczosSteps, symmetryTolerance, classifier, capMargin, seed, escape,
                instability, precision);
    }

    /** These options with another saddle escape (null to only report saddles). */
    public CurvatureOptions withEscape(SaddleEscape value) {
        return new CurvatureOptions(schedule, lanczosSteps, symmetryTolerance, classifier, capMargin, seed, value,
                instability, precision);
    }

    /** These options with Hessian-vector products computed in another type. */
    public CurvatureOptions withPrecision(ProductPrecision value) {
        return new CurvatureOptions(schedule, lanczosSteps, symmetryTolerance, classifier, capMargin, seed, escape,
                instability, value);
    }

    /** These options with another test confirming an instability before a cap (null: report, never cap). */
    public CurvatureOptions withInstability(InstabilityTest value) {
        return new CurvatureOptions(schedule, lanczosSteps, symmetryTolerance, classifier, capMargin, seed, escape,
                value, precision);
    }

}
