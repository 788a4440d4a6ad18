package org.terrain4j.arbiter;

import org.terrain4j.control.TrainingBudget;
import org.terrain4j.listeners.TerrainListener;
import org.terrain4j.listeners.TerrainListenerBuilder;

/**
 * A candidate's learning-rate policy: the schedule family with its warmup, and how Terrain's
 * listener decides a decay: by its default stationarity test ({@link #STATIONARITY_TEST}), or by
 * the plateau rule with a patience (PyTorch's {@code ReduceLROnPlateau}), each with a factor.
 *
 * @param schedule the schedule family
 * @param warmupEpochs epochs of linear warmup, 0 for none
 * @param decayFactor the listener's factor on a decay, in (0, 1)
 * @param patience {@link #STATIONARITY_TEST} (-1) for the listener's default decision, or the
 *                 plateau rule's patience in checks, at least 0
 */
public record TerrainPolicy(ScheduleFamily schedule, int warmupEpochs, double decayFactor, int patience)
        implements java.io.Serializable {

    /** The patience that means no plateau rule: the listener's own stationarity test decides. */
    public static final int STATIONARITY_TEST = -1;

    /** Terrain's defaults: constant schedule, no warmup, the listener's default decision and factor. */
    public static final TerrainPolicy DEFAULTS = new TerrainPolicy(ScheduleFamily.CONSTANT, 0,
            TerrainListenerBuilder.DEFAULT_STATIONARITY.factor(), STATIONARITY_TEST);

    /** Validates, naming the bad value. */
    public TerrainPolicy {
        java.util.Objects.requireNonNull(schedule, "schedule");
        if (warmupEpochs < 0) {
            throw new IllegalArgumentException("warmupEpochs must be >= 0, got " + warmupEpochs);
        }
        if (!(decayFactor > 0 && decayFactor < 1)) {
            throw new IllegalArgumentException("decayFactor must be in (0, 1), got " + decayFactor);
        }
        if (patience < STATIONARITY_TEST) {
            throw new IllegalArgumentException("patience must be >= 0, or -1 for the stationarity test, got " + patience);
        }
    }

    /**
     * A fresh listener with this policy's decision and factor and Terrain's other defaults, told
     * the trial's budget: it anneals every controlled rate to 0 over the budget's last fifth, as
     * {@link TerrainListenerBuilder#budget} does (a trial's length is known, unlike a user's
     * {@code fit} loop's).
     *
     * @param iterations the trial's training iterations (epochs times mini-batches per epoch)
     */
    public TerrainListener listener(long iterations) {
        TerrainListenerBuilder builder = TerrainListener.builder().factor(decayFactor).budget(TrainingBudget.iterations(iterations));
        if (patience != STATIONARITY_TEST) {
            builder.patience(patience);
        }
        return builder.build();
    }
}
