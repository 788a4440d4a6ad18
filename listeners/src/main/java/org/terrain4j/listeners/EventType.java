package org.terrain4j.listeners;

/** What a {@link TerrainEvent} reports. */
public enum EventType {
    /** The terrain changed from one kind to another. */
    TERRAIN,
    /** The learning rate of one or more layers was scaled. */
    LEARNING_RATE_SCALED,
    /** A higher learning rate was tried, kept or given up (see {@link org.terrain4j.control.RateRise}). */
    RATE_TRIAL,
    /** The listener asks the training loop to stop. */
    STOP_REQUESTED,
    /** The mini-batch size moved relative to the gradient noise scale. */
    BATCH_SIZE_ADVICE,
    /** A curvature probe ran; its numbers are in the event's curvature. */
    CURVATURE_PROBE,
    /** A step along the negative-curvature direction out of a saddle was tried. */
    SADDLE_ESCAPE,
    /** The budget's cooldown began: every controlled rate now falls linearly to 0 at its end. */
    COOLDOWN,
    /**
     * At an epoch's end: the network now holds the average of the epoch's last iterates (until
     * training resumes), or keeps its last iterate because the loss still fell there.
     */
    TAIL_AVERAGE,
    /** Training diverged and was rolled back to the last good snapshot. */
    ROLLBACK,
    /** Something the user should know, e.g. an updater without a learning rate. */
    WARNING
}
