package org.terrain4j.control;

import java.util.Locale;

/**
 * What an {@link AveragingWindow} found at an epoch's end.
 *
 * @param kind the decision
 * @param t the t statistic of the loss's slope over the window (NaN without a test)
 * @param critical the one-sided critical value it was compared with (NaN without a test)
 * @param batches the batch means the slope was fitted to
 * @param iterations the iterations of the window
 * @param confidence the test's confidence level
 */
public record AveragingVerdict(Kind kind, double t, double critical, int batches, long iterations,
                               double confidence) {

    /** The decisions. */
    public enum Kind {
        /** No window this epoch: the first epoch (its length was unknown), or one cut short. */
        NONE,
        /** Too few iterations in the window for a test. */
        TOO_FEW,
        /** The loss still falls over the window: the last iterate stands. */
        DESCENDING,
        /**
         * No longer decided: earlier versions kept the last iterate when the stationarity test
         * over the rate's whole run found the loss falling. Kept so that their checkpoints, which
         * name the last decision reported, still restore.
         */
        RATE_DESCENDING,
        /** The loss does not fall over the window: the average stands for the epoch's end. */
        AVERAGE
    }

    /** Whether the average stands for the epoch's end. */
    public boolean average() {
        return kind == Kind.AVERAGE;
    }

    /** The decision with its test, statistic and threshold, for an event. */
    public String describe(int samples) {
        return switch (kind) {
            case NONE -> "no tail average this epoch";
            case TOO_FEW -> String.format(Locale.ROOT, "no tail average: %d iterations in the window, too few for "
                    + "%d batch means", iterations, AveragingWindow.MIN_BATCHES);
            case DESCENDING -> String.format(Locale.ROOT, "last iterate kept: the loss still falls over the epoch's "
                    + "last %d iterations (slope of %d batch means t = %.2f < -%.2f, one-sided %.0f%%), where an "
                    + "average would lag", iterations, batches, t, critical, 100 * confidence);
            case RATE_DESCENDING -> String.format(Locale.ROOT, "last iterate kept: the stationarity test found the "
                    + "loss still falling at this rate, though not over the epoch's last %d iterations alone (slope of "
                    + "%d batch means t = %.2f >= -%.2f)", iterations, batches, t, critical);
            case AVERAGE -> String.format(Locale.ROOT, "tail average: the loss does not fall over the epoch's last %d "
                    + "iterations (slope of %d batch means t = %.2f >= -%.2f, one-sided %.0f%%); the network holds "
                    + "the mean of %d iterates from them until training resumes from its last iterate",
                    iterations, batches, t, critical, 100 * confidence, samples);
        };
    }
}
