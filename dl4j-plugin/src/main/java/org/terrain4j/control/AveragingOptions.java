package org.terrain4j.control;

/**
 * Tail averaging of the iterates ({@link AveragingWindow}): between epochs the network holds the
 * mean of the parameters over the last part of the epoch instead of the last iterate, unless
 * the loss was still falling there.
 *
 * @param tail the fraction of an epoch, at its end, whose iterates are averaged, in (0, 1]
 * @param samples the most parameter vectors summed per epoch (each one an addition over every
 *                parameter), in [2, 4096]; the tail is sampled evenly, at most every fourth
 *                iteration
 * @param confidence level of the one-sided t-test that finds the loss still falling over the tail
 *                   (then the last iterate is kept), in [0.5, 1)
 */
public record AveragingOptions(double tail, int samples, double confidence) {

    /**
     * The whole epoch, at most 64 parameter vectors, confidence 0.999 (the last iterate stands only
     * while the epoch's loss still falls decisively, as in the first epochs). Chosen on the tuning
     * set of the learning-rate control benchmark (digits and UCI letters) against the second half
     * of each epoch at 0.9; see docs/BENCHMARKS.md, "Learning rate control".
     */
    public static final AveragingOptions DEFAULTS = new AveragingOptions(1.0, 64, 0.999);

    /** Validates every option, naming it and its value. */
    public AveragingOptions {
        if (!(tail > 0 && tail <= 1)) {
            throw new IllegalArgumentException("averaging tail must be in (0, 1], got " + tail);
        }
        if (samples < 2 || samples > 4096) {
            throw new IllegalArgumentException("averaging samples must be in [2, 4096], got " + samples);
        }
        if (!(confidence >= 0.5 && confidence < 1)) {
            throw new IllegalArgumentException("averaging confidence must be in [0.5, 1), got " + confidence);
        }
    }
}
