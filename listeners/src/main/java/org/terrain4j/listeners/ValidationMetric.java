package org.terrain4j.listeners;

import org.terrain4j.control.Mode;

/** A quantity computed on a validation iterator for plateau detection. */
public enum ValidationMetric {
    /** Mean loss per example, lower is better (PyTorch's usual {@code val_loss}). */
    LOSS(Mode.MIN),
    /** Classification accuracy, higher is better. */
    ACCURACY(Mode.MAX);

    private final Mode naturalMode;

    ValidationMetric(Mode naturalMode) {
        this.naturalMode = naturalMode;
    }

    /** Whether lower or higher is better for this metric. */
    public Mode naturalMode() {
        return naturalMode;
    }
}
