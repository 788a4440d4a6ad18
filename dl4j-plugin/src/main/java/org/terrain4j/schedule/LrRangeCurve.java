package org.terrain4j.schedule;

import java.util.Arrays;

/**
 * The result of a learning-rate range test (Smith 2017; fastai's {@code lr_find}): the rate of
 * each iteration, its loss and the bias-corrected smoothed loss, and the two usual suggestions.
 *
 * <ul>
 * <li>{@link #steepest()}: the rate where the smoothed loss falls fastest per log-rate step
 *     (fastai's {@code steep}: the minimum of the finite-difference gradient);</li>
 * <li>{@link #minimumOverTen()}: the rate of the lowest smoothed loss divided by 10 (fastai's
 *     {@code minimum}).</li>
 * </ul>
 *
 * <p>As fastai does, both look only at the points from the first tenth on and before the last
 * five (when there are enough): the start is dominated by batch-to-batch noise, the end by
 * divergence.
 *
 * @param rates learning rate of each recorded iteration, increasing
 * @param losses mini-batch loss of each iteration
 * @param smoothedLosses bias-corrected moving average of the losses
 * @param stoppedEarly whether the sweep stopped because the loss diverged
 */
public record LrRangeCurve(double[] rates, double[] losses, double[] smoothedLosses, boolean stoppedEarly) {

    /** Requires matching lengths and at least three points. */
    public LrRangeCurve {
        if (rates.length != losses.length || rates.length != smoothedLosses.length) {
            throw new IllegalArgumentException("rates, losses and smoothed losses differ in length");
        }
        if (rates.length < 3) {
            throw new IllegalArgumentException("a range test needs at least 3 points to suggest a rate, got "
                    + rates.length + " (the loss diverged at once: lower the start rate)");
        }
        rates = rates.clone();
        losses = losses.clone();
        smoothedLosses = smoothedLosses.clone();
    }

    /** The rate at which the smoothed loss falls fastest against log(rate). */
    public double steepest() {
        int best = first();
        double steepestSlope = Double.POSITIVE_INFINITY;
        for (int i = first(); i + 1 < last(); i++) {
            double slope = (smoothedLosses[i + 1] - smoothedLosses[i]) / (Math.log(rates[i + 1]) - Math.log(rates[i]));
            if (slope < steepestSlope) {
                steepestSlope = slope;
                best = i;
            }
        }
        return rates[best];
    }

    /** The rate of the lowest smoothed loss, divided by 10. */
    public double minimumOverTen() {
        int best = first();
        for (int i = first() + 1; i < last(); i++) {
            if (smoothedLosses[i] < smoothedLosses[best]) {
                best = i;
            }
        }
        return rates[best] / 10;
    }

    private int first() {
        return last() - rates.length / 10 >= 3 ? rates.length / 10 : 0;
    }

    private int last() {
        return rates.length - 5 >= 3 ? rates.length - 5 : rates.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LrRangeCurve that && Arrays.equals(rates, that.rates) && Arrays.equals(losses, that.losses)
                && Arrays.equals(smoothedLosses, that.smoothedLosses) && stoppedEarly == that.stoppedEarly;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(rates) * 31 + Arrays.hashCode(losses);
    }

    @Override
    public String toString() {
        return "LrRangeCurve(" + rates.length + " points, steepest " + steepest() + ", minimum/10 " + minimumOverTen() + ")";
    }
}
