package org.terrain4j.stats;

/**
 * The per-iteration signals of training, accumulated: moving averages and windowed moments of
 * the mini-batch loss and gradient norm, and the best smoothed loss. One call per iteration,
 * O(1) and allocation-free; {@link #summary()} takes an immutable snapshot when a decision
 * needs one. Non-finite values are not accumulated (they are the classifier's business).
 */
public final class TrainingSignals {

    private final ExponentialMovingAverage loss;
    private final ExponentialMovingAverage gradientNorm;
    private final RollingWindow lossWindow;
    private final RollingWindow gradientNormWindow;
    private double lastLoss = Double.NaN;
    private double lastGradientNorm = Double.NaN;
    private double bestSmoothedLoss = Double.POSITIVE_INFINITY;
    private double intervalLossSum;
    private long intervalCount;

    /**
     * @param smoothing beta of the moving averages, in [0, 1)
     * @param window how many iterations the windowed moments cover, at least 2
     */
    public TrainingSignals(double smoothing, int window) {
        loss = new ExponentialMovingAverage(smoothing);
        gradientNorm = new ExponentialMovingAverage(smoothing);
        lossWindow = new RollingWindow(window);
        gradientNormWindow = new RollingWindow(window);
    }

    /** Records the gradient norm of the current iteration (before the loss, as DL4J reports them). */
    public void addGradientNorm(double norm) {
        lastGradientNorm = norm;
        if (Double.isFinite(norm)) {
            gradientNorm.add(norm);
            gradientNormWindow.add(norm);
        }
    }

    /** Records the loss of the current iteration. */
    public void addLoss(double value) {
        lastLoss = value;
        if (Double.isFinite(value)) {
            loss.add(value);
            lossWindow.add(value);
            bestSmoothedLoss = Math.min(bestSmoothedLoss, loss.value());
            intervalLossSum += value;
            intervalCount++;
        }
    }

    /**
     * The mean of the finite losses since the previous call (or the start), and starts a new
     * interval; NaN when there were none. Called once per check, this is the epoch-mean training
     * loss that Keras's {@code ReduceLROnPlateau(monitor='loss')} watches.
     */
    public double takeIntervalMeanLoss() {
        double mean = intervalCount == 0 ? Double.NaN : intervalLossSum / intervalCount;
        intervalLossSum = 0;
        intervalCount = 0;
        return mean;
    }

    /** The last mini-batch loss, possibly NaN or infinite. */
    public double lastLoss() {
        return lastLoss;
    }

    /** The last gradient norm, possibly NaN or infinite. */
    public double lastGradientNorm() {
        return lastGradientNorm;
    }

    /** Bias-corrected moving average of the finite losses. */
    public double smoothedLoss() {
        return loss.value();
    }

    /** The lowest smoothed loss so far, +infinity before any. */
    public double bestSmoothedLoss() {
        return bestSmoothedLoss;
    }

    /** Moving average of the finite gradient norms. */
    public double smoothedGradientNorm() {
        return gradientNorm.value();
    }

    /** An immutable snapshot of every statistic. */
    public SignalSummary summary() {
        return new SignalSummary(lastLoss, loss.value(), bestSmoothedLoss, lossWindow.mean(),
                lossWindow.variance(), lastGradientNorm, gradientNorm.value(), gradientNormWindow.mean(),
                gradientNormWindow.variance(), loss.count());
    }

    /** Everything needed to continue accumulating after a restart. */
    public State state() {
        return new State(loss.state(), gradientNorm.state(), lossWindow.toArray(), gradientNormWindow.toArray(),
                lastLoss, lastGradientNorm, bestSmoothedLoss, intervalLossSum, intervalCount);
    }

    /** Restores a state taken by {@link #state()} from signals with the same settings. */
    public void restore(State state) {
        loss.restore(state.loss());
        gradientNorm.restore(state.gradientNorm());
        lossWindow.restore(state.lossWindow());
        gradientNormWindow.restore(state.gradientNormWindow());
        lastLoss = state.lastLoss();
        lastGradientNorm = state.lastGradientNorm();
        bestSmoothedLoss = state.bestSmoothedLoss();
        intervalLossSum = state.intervalLossSum();
        intervalCount = state.intervalCount();
    }

    /**
     * @param loss loss average
     * @param gradientNorm gradient-norm average
     * @param lossWindow window of losses, oldest first
     * @param gradientNormWindow window of gradient norms, oldest first
     * @param lastLoss last loss
     * @param lastGradientNorm last gradient norm
     * @param bestSmoothedLoss best smoothed loss
     * @param intervalLossSum sum of the losses since the last check
     * @param intervalCount losses since the last check
     */
    public record State(ExponentialMovingAverage.State loss, ExponentialMovingAverage.State gradientNorm,
                        double[] lossWindow, double[] gradientNormWindow, double lastLoss,
                        double lastGradientNorm, double bestSmoothedLoss, double intervalLossSum,
                        long intervalCount) {
    }
}
