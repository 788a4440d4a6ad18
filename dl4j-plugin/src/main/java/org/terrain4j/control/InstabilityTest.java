package org.terrain4j.control;

import org.hipparchus.distribution.continuous.TDistribution;
import org.terrain4j.stats.BatchMeans;

/**
 * Whether the loss confirms what the curvature says when {@code lr * lambda_max} is beyond the
 * updater's stability bound: the evidence a cap of the learning rate needs.
 *
 * <p>Sharpness alone is not enough. Under gradient descent with a fixed rate the sharpness rises
 * to the stability bound and hovers there, while the loss, non-monotone from step to step, keeps
 * falling over longer spans: the edge of stability (Cohen, Kaur, Li, Kolter and Talwalkar,
 * ICLR 2021). A cap there would ratchet the rate down probe after probe for nothing. A rate that
 * is really unstable shows in the loss: it rises, or it oscillates with a growing amplitude (the
 * iterate flips sides of the valley along the sharpest direction, further each time).
 *
 * <p>The test takes the losses of the last {@code window} iterations, cuts them into
 * {@code floor(sqrt(n))} batch means (as {@link StationarityTest}, so that mini-batch noise and its
 * autocorrelation do not pass for a trend), and runs two one-sided t-tests on least-squares
 * slopes at {@code confidence}: the batch-mean loss rises ({@link InstabilityVerdict.Evidence#RISING}),
 * or the batch mean of {@code |loss_t - loss_(t-1)|} rises while the loss does not fall
 * significantly ({@link InstabilityVerdict.Evidence#GROWING_OSCILLATION}). A third kind of evidence
 * needs no trend: even the lowest batch mean of the window is above {@value #FAR_ABOVE_BEST} times
 * the best smoothed loss of the run, and the loss does not fall significantly
 * ({@link InstabilityVerdict.Evidence#FAR_ABOVE_BEST}): a rate so far beyond the bound that the
 * network sits saturated at a loss worse than where it started (full-batch descent at rate 3 on the
 * digits held its loss at 12 for a thousand iterations, finite and flat). The lowest batch mean,
 * not the mean: a loss that falls through catapults has a high mean over the window while its
 * calm stretches are already below the best (the mean capped such a run at rate 2 and it ended
 * 10% worse). Otherwise the verdict is
 * {@link InstabilityVerdict.Evidence#NONE}: the edge of stability, keep the rate.
 *
 * <p>The test needs at least half a window of losses since the rate last changed: a catapult
 * early in training (the loss spikes for some tens of iterations while the network moves to a
 * flatter region, then trains fast) is not an instability, and a cap there ended a run at 0.029
 * where the constant rate reached 0.002.
 *
 * @param window iterations of loss the test reads, from 16 to 65536 (the listener keeps twice as many)
 * @param confidence level of the one-sided tests, in (0.5, 1)
 */
public record InstabilityTest(int window, double confidence) {

    /**
     * The last 512 iterations at 99%. Long, because at the edge of stability the loss is
     * non-monotone over short spans (catapults of a few hundred iterations under full-batch gradient
     * descent at rate 2 on the digits, benchmarks/run curvature) and falls only over longer ones;
     * a real divergence meanwhile is caught and rolled back, and the rollback caps the rate without
     * waiting for this test. Stricter than the stationarity test's 90%: the test runs at
     * every probe that finds the rate beyond the bound, and at the edge of stability that is every
     * probe, so each false alarm would cut the rate again (two tests at 90% would cap about one
     * probe in five on a loss that merely holds; at 99%, one in fifty). A real instability grows
     * geometrically and passes any level within a few dozen iterations, and a divergence the test
     * is slow to confirm is rolled back.
     */
    public static final InstabilityTest DEFAULTS = new InstabilityTest(512, 0.99);

    /** The smallest window: 4 batch means of 4. */
    public static final int MIN_SAMPLES = 16;

    /** The largest window: the listener keeps two windows of losses, 1 MiB. */
    public static final int MAX_SAMPLES = 1 << 16;

    /** How far above the run's best smoothed loss a loss that does not fall counts as evidence. */
    public static final double FAR_ABOVE_BEST = 1.5;

    /** Validates, naming the bad option. */
    public InstabilityTest {
        if (window < MIN_SAMPLES || window > MAX_SAMPLES) {
            throw new IllegalArgumentException("the instability window must be from " + MIN_SAMPLES + " to "
                    + MAX_SAMPLES + " iterations, got " + window);
        }
        if (!(confidence > 0.5 && confidence < 1)) {
            throw new IllegalArgumentException("the instability confidence must be in (0.5, 1), got " + confidence);
        }
    }

    /**
     * Judges the recent losses.
     *
     * @param losses the last iterations' losses, oldest first; only the last {@code window} of the
     *               first {@code count} are read
     * @param count how many of {@code losses} are valid
     * @param bestLoss the best smoothed loss of the run so far (NaN when unknown)
     */
    public InstabilityVerdict judge(double[] losses, int count, double bestLoss) {
        int n = Math.min(count, window);
        if (n < Math.max(MIN_SAMPLES, window / 2)) {
            return new InstabilityVerdict(InstabilityVerdict.Evidence.TOO_FEW_SAMPLES, n, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, bestLoss, confidence);
        }
        int first = count - n;
        int batches = (int) Math.sqrt(n);
        int batchSize = n / batches;
        int start = count - batches * batchSize; // drop the oldest remainder
        double[] levels = new double[batches];
        double[] amplitudes = new double[batches];
        for (int b = 0; b < batches; b++) {
            double level = 0;
            double amplitude = 0;
            for (int i = start + b * batchSize; i < start + (b + 1) * batchSize; i++) {
                level += losses[i];
                amplitude += i > first ? Math.abs(losses[i] - losses[i - 1]) : 0;
            }
            levels[b] = level / batchSize;
            amplitudes[b] = amplitude / batchSize;
        }
        if (start == first) {
            amplitudes[0] *= batchSize / (batchSize - 1.0); // its first loss has no predecessor in the window
        }
        double slopeT = BatchMeans.slope(levels, batches).t();
        double lowest = Double.POSITIVE_INFINITY;
        for (double level : levels) {
            lowest = Math.min(lowest, level);
        }
        double amplitudeT = BatchMeans.slope(amplitudes, batches).t();
        double critical = new TDistribution(batches - 2).inverseCumulativeProbability(confidence);
        InstabilityVerdict.Evidence evidence = Double.isNaN(slopeT) ? InstabilityVerdict.Evidence.NONE
                : slopeT > critical ? InstabilityVerdict.Evidence.RISING
                : amplitudeT > critical && slopeT > -critical ? InstabilityVerdict.Evidence.GROWING_OSCILLATION
                : lowest > FAR_ABOVE_BEST * bestLoss && slopeT > -critical ? InstabilityVerdict.Evidence.FAR_ABOVE_BEST
                : InstabilityVerdict.Evidence.NONE;
        return new InstabilityVerdict(evidence, n, slopeT, amplitudeT, critical, lowest, bestLoss, confidence);
    }
}
