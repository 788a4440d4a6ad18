package org.terrain4j.stats;

/**
 * Bias-corrected exponential moving average: after t values,
 * {@code m_t = beta * m_{t-1} + (1 - beta) * x_t} and {@link #value()} is
 * {@code m_t / (1 - beta^t)}, so the first values are not pulled towards zero (as in Adam,
 * Kingma and Ba 2015, and fastai's smoothed loss). Non-finite inputs are the caller's to
 * screen: this class would propagate them.
 */
public final class ExponentialMovingAverage {

    private final double beta;
    private double mean;
    private double betaPower = 1;
    private long count;

    /** @param beta weight of the past, in [0, 1); 0 keeps only the newest value */
    public ExponentialMovingAverage(double beta) {
        if (!(beta >= 0 && beta < 1)) {
            throw new IllegalArgumentException("beta must be in [0, 1), got " + beta);
        }
        this.beta = beta;
    }

    /** Adds one value. */
    public void add(double x) {
        mean = beta * mean + (1 - beta) * x;
        betaPower *= beta;
        count++;
    }

    /** The bias-corrected average, or NaN before the first value. */
    public double value() {
        return count == 0 ? Double.NaN : mean / (1 - betaPower);
    }

    /** Number of values added. */
    public long count() {
        return count;
    }

    /** The smoothing weight of the past. */
    public double beta() {
        return beta;
    }

    /** The raw (uncorrected) running mean and count, for checkpoints. */
    public State state() {
        return new State(mean, count);
    }

    /** Restores a state taken by {@link #state()} from an average with the same beta. */
    public void restore(State state) {
        mean = state.rawMean();
        count = state.count();
        betaPower = Math.pow(beta, count);
    }

    /**
     * @param rawMean the running mean before bias correction
     * @param count values added so far
     */
    public record State(double rawMean, long count) {
    }
}
