package org.terrain4j.control;

import java.util.Locale;

/**
 * What one {@link StationarityTest} found, with its evidence.
 *
 * @param kind the situation the test names
 * @param samples iterations in each half of the tested window (the iterations since the last reset)
 * @param batches batch means per half (0 when there were too few samples)
 * @param newerSlopeT t statistic of the slope of the newer half's batch-mean loss (negative while it falls)
 * @param olderSlopeT the same for the older half
 * @param critical one-sided critical value: a half's loss falls significantly when its t is below {@code -critical}
 * @param noiseToSignal the gradient noise scale over the batch size in the window, {@code B_noise / B}
 *                      (see {@link GradientCoherence}); +infinity when noise swamps the gradient, NaN
 *                      when unknown
 * @param confidence the level of the test
 */
public record StationarityVerdict(Kind kind, int samples, int batches, double newerSlopeT, double olderSlopeT,
                                  double critical, double noiseToSignal, double confidence) {

    /** The situations the test tells apart. */
    public enum Kind {
        /** Too few iterations at this rate to decide; nothing changes. */
        TOO_FEW_SAMPLES,
        /** The loss still falls significantly in the newer half: keep the rate. */
        DESCENDING,
        /**
         * The loss fell significantly in neither half, or the gradient is still coherent: no
         * measurable progress at this rate (a flat start, a saddle region, a rate too small to show
         * progress yet, a floor a decay did not lower), or progress a smaller rate would slow. A
         * decay would not help: keep the rate.
         */
        STALLED,
        /**
         * The loss fell significantly in the older half and no longer does in the newer one: it
         * reached the stationary distribution of this rate, its noise floor, which a decay lowers.
         */
        STATIONARY
    }

    /** A verdict for a window too short to test. */
    static StationarityVerdict tooFew(int samples, double confidence) {
        return new StationarityVerdict(Kind.TOO_FEW_SAMPLES, samples, 0, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, confidence);
    }

    /** Whether the test asks for a decay. */
    public boolean stationary() {
        return kind == Kind.STATIONARY;
    }

    /** One line naming the test, its statistics and thresholds, for the event log. */
    public String describe() {
        if (kind == Kind.TOO_FEW_SAMPLES) {
            return String.format(Locale.ROOT, "stationarity test: %d iterations at this rate, too few to test", samples);
        }
        String situation = switch (kind) {
            case DESCENDING -> "still descending";
            case STALLED -> "stalled, not at a noise floor: no significant fall in either half, or a coherent "
                    + "gradient (a decay would not help)";
            case STATIONARY -> "stationary at this rate's noise floor";
            case TOO_FEW_SAMPLES -> throw new IllegalStateException();
        };
        return String.format(Locale.ROOT, "%s: stationarity test, slope t of the loss over the newer %d iterations "
                + "%.3g and the older %d %.3g (%d batch means each; falling below -%.3g at confidence %.3g); %s",
                situation, samples, newerSlopeT, samples, olderSlopeT, batches, critical, confidence, noise());
    }

    private String noise() {
        if (Double.isNaN(noiseToSignal)) {
            return "gradient noise not measured";
        }
        return Double.isInfinite(noiseToSignal) ? "the mean gradient is lost in its noise"
                : String.format(Locale.ROOT, "gradient noise scale %.3g times the batch (noise-dominated above 1)",
                        noiseToSignal);
    }
}
