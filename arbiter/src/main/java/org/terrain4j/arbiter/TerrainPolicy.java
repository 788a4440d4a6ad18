package org.terrain4j.arbiter;

import org.terrain4j.listeners.TerrainListener;

/**
 * A candidate's learning-rate policy: the schedule family with its warmup, and the plateau
 * response of Terrain's listener (decay factor and patience).
 *
 * @param schedule the schedule family
 * @param warmupEpochs epochs of linear warmup, 0 for none
 * @param decayFactor the listener's factor on a plateau, in (0, 1)
 * @param patience the listener's patience in checks, at least 0
 */
public record TerrainPolicy(ScheduleFamily schedule, int warmupEpochs, double decayFactor, int patience)
        implements java.io.Serializable {

    /** Terrain's defaults: constant schedule, no warmup, the listener's factor and patience. */
    public static final TerrainPolicy DEFAULTS = new TerrainPolicy(ScheduleFamily.CONSTANT, 0,
            org.terrain4j.listeners.TerrainListenerBuilder.DEFAULT_PLATEAU.factor(),
            org.terrain4j.listeners.TerrainListenerBuilder.DEFAULT_PLATEAU.patience());

    /** Validates, naming the bad value. */
    public TerrainPolicy {
        java.util.Objects.requireNonNull(schedule, "schedule");
        if (warmupEpochs < 0) {
            throw new IllegalArgumentException("warmupEpochs must be >= 0, got " + warmupEpochs);
        }
        if (!(decayFactor > 0 && decayFactor < 1)) {
            throw new IllegalArgumentException("decayFactor must be in (0, 1), got " + decayFactor);
        }
        if (patience < 0) {
            throw new IllegalArgumentException("patience must be >= 0, got " + patience);
        }
    }

    /** A fresh listener with this policy's plateau response and Terrain's other defaults. */
    public TerrainListener listener() {
        return TerrainListener.builder().factor(decayFactor).patience(patience).build();
    }
}
