package org.terrain4j.control;

/**
 * When a monitored quantity counts as stalled and how the learning rate is then reduced. Every
 * knob of PyTorch's {@code torch.optim.lr_scheduler.ReduceLROnPlateau} and Keras's
 * {@code ReduceLROnPlateau} has its equivalent here:
 *
 * <table>
 * <caption>Mapping</caption>
 * <tr><th>here</th><th>PyTorch</th><th>Keras</th></tr>
 * <tr><td>mode</td><td>mode</td><td>mode</td></tr>
 * <tr><td>factor</td><td>factor</td><td>factor</td></tr>
 * <tr><td>patience</td><td>patience</td><td>patience</td></tr>
 * <tr><td>threshold, thresholdMode</td><td>threshold, threshold_mode</td><td>min_delta (ABSOLUTE)</td></tr>
 * <tr><td>cooldown</td><td>cooldown</td><td>cooldown</td></tr>
 * <tr><td>minLearningRate</td><td>min_lr</td><td>min_lr</td></tr>
 * <tr><td>eps</td><td>eps</td><td>(none)</td></tr>
 * </table>
 *
 * <p>Patience and cooldown count checks (an epoch in PyTorch, where {@code step()} is called
 * once per epoch; here, each time the monitored value is observed).
 *
 * @param mode whether lower or higher is better
 * @param factor multiplier of the learning rate on a plateau, in (0, 1)
 * @param patience checks without improvement that are tolerated; the next one reduces
 * @param threshold least change that counts as an improvement, finite and non-negative
 * @param thresholdMode whether {@code threshold} is relative or absolute
 * @param cooldown checks after a reduction during which bad checks are not counted
 * @param minLearningRate the learning rate is never reduced below this, non-negative
 * @param eps a reduction smaller than this is skipped, non-negative
 */
public record PlateauOptions(Mode mode, double factor, int patience, double threshold,
                             ThresholdMode thresholdMode, int cooldown, double minLearningRate,
                             double eps) {

    /** PyTorch's defaults: min, 0.1, 10, 1e-4 relative, 0, 0, 1e-8. */
    public static final PlateauOptions PYTORCH_DEFAULTS =
            new PlateauOptions(Mode.MIN, 0.1, 10, 1e-4, ThresholdMode.RELATIVE, 0, 0, 1e-8);

    /** Validates every option, naming it and its value. */
    public PlateauOptions {
        if (mode == null || thresholdMode == null) {
            throw new IllegalArgumentException("mode and thresholdMode are required");
        }
        if (!(factor > 0 && factor < 1)) {
            throw new IllegalArgumentException("factor must be in (0, 1), got " + factor);
        }
        if (patience < 0) {
            throw new IllegalArgumentException("patience must be non-negative, got " + patience);
        }
        if (!(threshold >= 0) || Double.isInfinite(threshold)) {
            throw new IllegalArgumentException("threshold must be finite and non-negative, got " + threshold);
        }
        if (cooldown < 0) {
            throw new IllegalArgumentException("cooldown must be non-negative, got " + cooldown);
        }
        if (!(minLearningRate >= 0) || Double.isInfinite(minLearningRate)) {
            throw new IllegalArgumentException(
                    "minLearningRate must be finite and non-negative, got " + minLearningRate);
        }
        if (!(eps >= 0) || Double.isInfinite(eps)) {
            throw new IllegalArgumentException("eps must be finite and non-negative, got " + eps);
        }
    }

    /** A copy with another mode. */
    public PlateauOptions withMode(Mode value) {
        return new PlateauOptions(value, factor, patience, threshold, thresholdMode, cooldown, minLearningRate, eps);
    }

    /** A copy with another factor. */
    public PlateauOptions withFactor(double value) {
        return new PlateauOptions(mode, value, patience, threshold, thresholdMode, cooldown, minLearningRate, eps);
    }

    /** A copy with another patience. */
    public PlateauOptions withPatience(int value) {
        return new PlateauOptions(mode, factor, value, threshold, thresholdMode, cooldown, minLearningRate, eps);
    }

    /** A copy with another threshold and threshold mode. */
    public PlateauOptions withThreshold(double value, ThresholdMode valueMode) {
        return new PlateauOptions(mode, factor, patience, value, valueMode, cooldown, minLearningRate, eps);
    }

    /** A copy with another cooldown. */
    public PlateauOptions withCooldown(int value) {
        return new PlateauOptions(mode, factor, patience, threshold, thresholdMode, value, minLearningRate, eps);
    }

    /** A copy with another minimum learning rate. */
    public PlateauOptions withMinLearningRate(double value) {
        return new PlateauOptions(mode, factor, patience, threshold, thresholdMode, cooldown, value, eps);
    }

    /** A copy with another eps. */
    public PlateauOptions withEps(double value) {
        return new PlateauOptions(mode, factor, patience, threshold, thresholdMode, cooldown, minLearningRate, value);
    }

    /** Whether {@code value} improves on {@code best} by more than the threshold. */
    public boolean isBetter(double value, double best) {
        return isBetter(value, best, threshold);
    }

    /** Whether {@code value} improves on {@code best} by more than the given threshold, in this threshold mode. */
    public boolean isBetter(double value, double best, double threshold) {
        return switch (mode) {
            case MIN -> thresholdMode == ThresholdMode.RELATIVE
                    ? value < best * (1 - threshold) : value < best - threshold;
            case MAX -> thresholdMode == ThresholdMode.RELATIVE
                    ? value > best * (1 + threshold) : value > best + threshold;
        };
    }

    /**
     * The reduced learning rate, as PyTorch computes it: {@code max(rate * factor, minLearningRate)},
     * or {@code rate} itself when the reduction would be no larger than {@code eps}.
     */
    public double reduce(double rate) {
        double reduced = Math.max(rate * factor, minLearningRate);
        return rate - reduced > eps ? reduced : rate;
    }
}
