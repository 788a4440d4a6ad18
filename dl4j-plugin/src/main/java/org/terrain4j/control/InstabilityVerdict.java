package org.terrain4j.control;

import java.util.Locale;

/**
 * What an {@link InstabilityTest} found in the recent losses.
 *
 * @param evidence what the losses show
 * @param iterations how many losses were read
 * @param slopeT t statistic of the slope of the batch-mean loss (positive while it rises)
 * @param amplitudeT t statistic of the slope of the batch-mean {@code |loss_t - loss_(t-1)|}
 * @param critical the one-sided critical value of both
 * @param lowestLoss the lowest batch mean of the loss over the window
 * @param bestLoss the run's best smoothed loss the lowest batch mean was compared with
 * @param confidence the level of the tests
 */
public record InstabilityVerdict(Evidence evidence, int iterations, double slopeT, double amplitudeT, double critical,
                                 double lowestLoss, double bestLoss, double confidence) {

    /** What the losses show. */
    public enum Evidence {
        /** Too few losses since the last rate change or rollback: no evidence either way. */
        TOO_FEW_SAMPLES,
        /** The loss rises significantly. */
        RISING,
        /** The loss does not fall significantly and its step-to-step swings grow significantly. */
        GROWING_OSCILLATION,
        /** The loss does not fall significantly and even its lowest stretch is far above the run's best. */
        FAR_ABOVE_BEST,
        /** The loss falls or holds with swings that do not grow: the edge of stability. */
        NONE
    }

    /** Whether the losses confirm an instability, so that a cap is warranted. */
    public boolean confirmsInstability() {
        return evidence == Evidence.RISING || evidence == Evidence.GROWING_OSCILLATION
                || evidence == Evidence.FAR_ABOVE_BEST;
    }

    /** The verdict in words, with its statistics, for the events. */
    public String describe() {
        if (evidence == Evidence.TOO_FEW_SAMPLES) {
            return String.format(Locale.ROOT, "only %d losses since the rate last changed, too few to tell an "
                    + "instability from a passing spike", iterations);
        }
        String statistics = String.format(Locale.ROOT, "over the last %d iterations the loss slope t = %.2f and the "
                + "swing-amplitude slope t = %.2f, against %.2f at %.0f%%", iterations, slopeT, amplitudeT, critical,
                confidence * 100);
        return switch (evidence) {
            case RISING -> "the loss is rising: " + statistics;
            case GROWING_OSCILLATION -> "the loss oscillates with a growing amplitude: " + statistics;
            case FAR_ABOVE_BEST -> String.format(Locale.ROOT, "the loss stays at %.4g or above, more than %.1f times the "
                    + "run's best %.4g, without falling: ", lowestLoss, InstabilityTest.FAR_ABOVE_BEST, bestLoss) + statistics;
            default -> "no significant rise of the loss nor of its swings (as at the edge of stability): " + statistics;
        };
    }
}
