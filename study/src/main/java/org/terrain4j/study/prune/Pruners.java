package org.terrain4j.study.prune;

import java.util.Locale;

/** The pruners by name, as the command line offers them, with Optuna's defaults. */
public final class Pruners {

    /** The names {@link #named} accepts. */
    public static final String NAMES = "none, median, asha or hyperband";

    private Pruners() {
    }

    /**
     * The pruner called {@code name} for trials of {@code epochs} epochs, wrapped in a
     * {@link PatientPruner} when {@code patience} is positive.
     *
     * <ul>
     *   <li>{@code median}: Optuna's {@code MedianPruner()} (5 complete trials first, no warmup);</li>
     *   <li>{@code asha}: successive halving, first rung after 1 epoch, reduction factor 4;</li>
     *   <li>{@code hyperband}: from 1 to {@code epochs} epochs, reduction factor 3.</li>
     * </ul>
     */
    public static Pruner named(String name, int epochs, int patience) {
        Pruner pruner = switch (name.toLowerCase(Locale.ROOT)) {
            case "none" -> Pruner.NONE;
            case "median" -> PercentilePruner.median();
            case "asha" -> SuccessiveHalvingPruner.asha();
            case "hyperband" -> {
                if (epochs < 2) {
                    throw new IllegalArgumentException("--pruner hyperband needs trials of at least 2 epochs, got " + epochs);
                }
                yield new HyperbandPruner(1, epochs, 3);
            }
            default -> throw new IllegalArgumentException("--pruner '" + name + "' is not a pruner; use " + NAMES);
        };
        if (patience < 0) {
            throw new IllegalArgumentException("--prune-patience must be >= 0, got " + patience);
        }
        if (patience > 0) {
            if (pruner == Pruner.NONE) {
                throw new IllegalArgumentException("--prune-patience needs a --pruner (" + NAMES + ")");
            }
            return new PatientPruner(pruner, patience, 0);
        }
        return pruner;
    }
}
