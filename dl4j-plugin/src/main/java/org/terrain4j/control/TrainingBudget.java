package org.terrain4j.control;

/**
 * How long training will run, when the user knows it (as {@code fit(iterator, epochs)} does):
 * Terrain then controls the rate as usual until the last {@code cooldownFraction} of the budget,
 * and anneals every controlled rate linearly to 0 over it (warmup-stable-decay's cooldown; a
 * fifth of the budget matches a linear decay over all of it in Hagele et al. 2024). Without a
 * budget Terrain cannot know when training ends and never anneals for it.
 *
 * @param epochs the budget in epochs (counted from the network's epoch 0; the iterations of an
 *               epoch are measured on the first epoch the listener sees end), or 0 when given in iterations
 * @param iterations the budget in iterations (counted from the network's iteration 0), or 0 when given in epochs
 * @param cooldownFraction the share of the budget the cooldown takes, in (0, 1]
 */
public record TrainingBudget(int epochs, long iterations, double cooldownFraction) {

    /** The cooldown's default share of the budget. */
    public static final double DEFAULT_COOLDOWN = 0.2;

    /** Validates, naming the option and its value. */
    public TrainingBudget {
        if ((epochs > 0) == (iterations > 0) || epochs < 0 || iterations < 0) {
            throw new IllegalArgumentException("a training budget is a positive number of epochs or of iterations,"
                    + " got epochs " + epochs + " and iterations " + iterations);
        }
        if (!(cooldownFraction > 0 && cooldownFraction <= 1)) {
            throw new IllegalArgumentException("cooldownFraction must be in (0, 1], got " + cooldownFraction);
        }
    }

    /** A budget of {@code epochs} epochs, with the default cooldown. */
    public static TrainingBudget epochs(int epochs) {
        return new TrainingBudget(epochs, 0, DEFAULT_COOLDOWN);
    }

    /** A budget of {@code iterations} iterations, with the default cooldown. */
    public static TrainingBudget iterations(long iterations) {
        return new TrainingBudget(0, iterations, DEFAULT_COOLDOWN);
    }

    /** This budget with another cooldown share. */
    public TrainingBudget withCooldown(double fraction) {
        return new TrainingBudget(epochs, iterations, fraction);
    }

    /** Whether the budget needs the length of an epoch. */
    public boolean inEpochs() {
        return epochs > 0;
    }

    /**
     * The cooldown's first and end iterations, {@code [start, end]}, for a budget of
     * {@code total} iterations: it starts at {@code total - ceil(fraction * total)}.
     */
    public long[] cooldown(long total) {
        long length = Math.max(1, (long) Math.ceil(cooldownFraction * total));
        return new long[] {total - length, total};
    }

    /** The budget in iterations, given the iterations of one epoch (ignored for a budget in iterations). */
    public long totalIterations(long iterationsPerEpoch) {
        return inEpochs() ? epochs * iterationsPerEpoch : iterations;
    }
}
