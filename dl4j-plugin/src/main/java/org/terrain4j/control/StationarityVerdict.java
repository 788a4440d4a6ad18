package org.terrain4j.control;

import java.util.Locale;
import org.terrain4j.stats.BatchMeans;

/**
 * What one {@link StationarityTest} found, with its evidence.
 *
 * @param kind the situation the test names
 * @param samples iterations in each half of the tested window (the iterations since the last reset)
 * @param batches batch means per half (0 when there were too few samples)
 * @param newerSlopeT t statistic of the slope of the newer half's batch-mean loss (negative while it falls)
 * @param olderSlopeT the same for the older half
 * @param critical one-sided critical value: a half's loss falls significantly when its t is below {@code -critical}
 * @param flatteningT t statistic of the newer half's slope minus the older half's (positive when the fall slowed)
 * @param flatteningCritical one-sided critical value: the fall slowed significantly above it
 * @param loweredT t statistic of the level the last decay was decided at, moved on by {@code loweredTrend},
 *                 minus the newer half's level (positive when the decay lowered the loss; NaN when the
 *                 rate did not change by a decay, or the decay came before the data had repeated
 *                 for an epoch and a test's worth)
 * @param loweredCritical one-sided critical value: the decay lowered the loss significantly above it (NaN with {@code loweredT})
 * @param loweredTrend the rate before the decay's fall per iteration from one epoch to the next, which
 *                     the level it was decided at is moved on by (0 when the loss did not fall; NaN
 *                     when the epoch's length is unknown, the levels then compare plainly)
 * @param noiseToSignal the gradient noise scale over the batch size in the newer half, {@code B_noise / B}
 *                      (see {@link GradientCoherence}); +infinity when noise swamps the gradient, NaN
 *                      when unknown
 * @param noiseDominatedAbove the {@code noiseToSignal} above which a decay pays: {@code 1 / factor}
 * @param confidence the level of the tests
 * @param newerSlope the newer half's least-squares loss slope per iteration, with its standard error
 *                   (null when there were too few samples): what a rise trial compares (see {@link RateRise})
 * @param olderSlope the same for the older half
 * @param floorsInARow verdicts in a row at this rate, this one included, that found the noise floor
 * @param confirmations the verdicts in a row that must find it before the rate decays
 * @param epochLag when the data repeat each epoch: iterations, whole epochs, back to the stretch the
 *                 newer half's level is compared with in {@code epochChangeT}; 0 when the epoch's
 *                 length is unknown or the rate has not run an epoch and a test's worth longer
 * @param epochChange the newer half's mean loss minus that of the same iterations {@code epochLag}
 *                    earlier (NaN with {@code epochLag} 0); said, not decided on (see
 *                    {@link StationarityTest#setPeriod})
 * @param epochChangeT its t statistic over batch means of the differences (negative while the loss
 *                     falls from one epoch to the next)
 */
public record StationarityVerdict(Kind kind, int samples, int batches, double newerSlopeT, double olderSlopeT,
                                  double critical, double flatteningT, double flatteningCritical,
                                  double loweredT, double loweredCritical, double loweredTrend,
                                  double noiseToSignal, double noiseDominatedAbove, double confidence,
                                  BatchMeans.Slope newerSlope, BatchMeans.Slope olderSlope, int floorsInARow,
                                  int confirmations, int epochLag, double epochChange, double epochChangeT) {

    /** The situations the test tells apart. */
    public enum Kind {
        /** Too few iterations at this rate to decide; nothing changes. */
        TOO_FEW_SAMPLES,
        /** The loss still falls significantly in the newer half: keep the rate. */
        DESCENDING,
        /**
         * The loss does not fall significantly, but neither did its fall slow significantly, or the
         * gradient is still coherent: no measurable progress at this rate (a flat start, a saddle
         * region, a rate too small to show progress yet, a floor a decay did not lower), or
         * progress a smaller rate would slow. A decay would not help: keep the rate.
         */
        STALLED,
        /**
         * The loss's fall slowed significantly and stopped (or, after a decay, stopped at a level
         * significantly below the one the decay was decided at), and the gradient is noise-dominated:
         * it reached the stationary distribution of this rate, its noise floor, which a decay lowers.
         */
        STATIONARY
    }

    /** A verdict for a window too short to test. */
    static StationarityVerdict tooFew(int samples, double confidence) {
        return new StationarityVerdict(Kind.TOO_FEW_SAMPLES, samples, 0, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, confidence, null,
                null, 0, 1,
                0, Double.NaN, Double.NaN);
    }

    /**
     * Whether the test asks for a decay: the noise floor found at this verdict and at the ones
     * before it, {@code confirmations} in a row.
     */
    public boolean stationary() {
        return kind == Kind.STATIONARY && floorsInARow >= confirmations;
    }

    /** One line naming the test, its statistics and thresholds, for the event log. */
    public String describe() {
        if (kind == Kind.TOO_FEW_SAMPLES) {
            return String.format(Locale.ROOT, "stationarity test: %d iterations at this rate, too few to test", samples);
        }
        String situation = switch (kind) {
            case DESCENDING -> "still descending";
            case STALLED -> "stalled, not at a noise floor (a decay would not help)";
            case STATIONARY -> "stationary at this rate's noise floor" + confirmation();
            case TOO_FEW_SAMPLES -> throw new IllegalStateException();
        };
        return String.format(Locale.ROOT, "%s: stationarity test over the last %d iterations in %d batch means a half, "
                        + "at confidence %.3g: loss slope t %.3g (falling below -%.3g), in the half before %.3g; "
                        + "flattening t %.3g (significant above %.3g); %s%s", situation, 2 * samples, batches,
                confidence, newerSlopeT, critical, olderSlopeT, flatteningT, flatteningCritical, lowered(), noise())
                + acrossEpochs();
    }

    /** How many checks in a row found the floor, when a decay needs more than one. */
    private String confirmation() {
        if (confirmations == 1) {
            return "";
        }
        return String.format(Locale.ROOT, ", found at %d check%s in a row%s", floorsInARow, floorsInARow == 1 ? "" : "s",
                stationary() ? "" : String.format(Locale.ROOT, " (a decay waits for %d)", confirmations));
    }

    private String lowered() {
        if (Double.isNaN(loweredT)) {
            return "";
        }
        String trend = Double.isNaN(loweredTrend) ? "" : String.format(Locale.ROOT, " moved on by the rate before's "
                + "fall from one epoch to the next (%.3g an iteration)", loweredTrend);
        return String.format(Locale.ROOT, "level below the one the last decay was decided at%s: t %.3g "
                + "(significant above %.3g); ", trend, loweredT, loweredCritical);
    }

    private String acrossEpochs() {
        return epochLag == 0 ? "" : String.format(Locale.ROOT, "; against the same iterations %d earlier (whole "
                + "epochs, said, not decided on) the loss changed by %.3g, t %.3g", epochLag, epochChange, epochChangeT);
    }

    private String noise() {
        if (Double.isNaN(noiseToSignal)) {
            return "gradient noise not measured";
        }
        String scale = Double.isInfinite(noiseToSignal) ? "the mean gradient is lost in its noise"
                : String.format(Locale.ROOT, "gradient noise scale %.3g times the batch", noiseToSignal);
        return String.format(Locale.ROOT, "%s (a decay pays above %.3g)", scale, noiseDominatedAbove);
    }
}
