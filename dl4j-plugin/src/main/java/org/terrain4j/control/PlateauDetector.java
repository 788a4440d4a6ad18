package org.terrain4j.control;

/**
 * Counts checks without improvement of a monitored quantity, with the exact semantics of
 * PyTorch 1.13's {@code ReduceLROnPlateau.step(metrics)}:
 *
 * <ol>
 * <li>if the value is better than the best by the threshold, it becomes the best and the count
 *     of bad checks resets; otherwise the count grows (a NaN is never better);</li>
 * <li>during cooldown, the cooldown counter falls and bad checks are forgotten;</li>
 * <li>when the count exceeds the patience, the detector reports a plateau, enters cooldown
 *     and resets the count.</li>
 * </ol>
 *
 * Call {@link #observe(double)} once per check. Applying the reduction (and its minimum and
 * eps) is the caller's, with {@link PlateauOptions#reduce(double)}.
 */
public final class PlateauDetector {

    private final PlateauOptions options;
    private double best;
    private int badChecks;
    private int cooldownLeft;
    private long checks;

    /** A detector that has seen nothing yet. */
    public PlateauDetector(PlateauOptions options) {
        this.options = options;
        this.best = options.mode() == Mode.MIN ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    }

    /**
     * Observes the monitored value at one check.
     *
     * @return true when this check completes a plateau: the learning rate should be reduced
     */
    public boolean observe(double value) {
        return observe(value, options.threshold());
    }

    /**
     * Observes the monitored value with another improvement threshold for this check only (in
     * the configured threshold mode): Terrain demands more improvement while training is
     * noise-dominated.
     *
     * @return true when this check completes a plateau
     */
    public boolean observe(double value, double threshold) {
        checks++;
        if (options.isBetter(value, best, threshold)) {
            best = value;
            badChecks = 0;
        } else {
            badChecks++;
        }
        if (cooldownLeft > 0) {
            cooldownLeft--;
            badChecks = 0;
        }
        if (badChecks > options.patience()) {
            cooldownLeft = options.cooldown();
            badChecks = 0;
            return true;
        }
        return false;
    }

    /** The best value seen, or the mode's infinity before the first check. */
    public double best() {
        return best;
    }

    /** Consecutive checks without improvement, outside cooldown. */
    public int badChecks() {
        return badChecks;
    }

    /** Whether the detector is in cooldown after a plateau. */
    public boolean inCooldown() {
        return cooldownLeft > 0;
    }

    /** Checks observed so far. */
    public long checks() {
        return checks;
    }

    /** The options this detector applies. */
    public PlateauOptions options() {
        return options;
    }

    /** The counters, for checkpoints. */
    public State state() {
        return new State(best, badChecks, cooldownLeft, checks);
    }

    /** Restores counters taken by {@link #state()}. */
    public void restore(State state) {
        best = state.best();
        badChecks = state.badChecks();
        cooldownLeft = state.cooldownLeft();
        checks = state.checks();
    }

    /**
     * @param best best value seen
     * @param badChecks consecutive checks without improvement
     * @param cooldownLeft checks of cooldown left
     * @param checks checks observed
     */
    public record State(double best, int badChecks, int cooldownLeft, long checks) {
    }
}
