package org.terrain4j.listeners;

import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/** The quantity the plateau detector watches. */
public sealed interface Monitor {

    /**
     * The mean mini-batch training loss since the previous check (the epoch-mean loss that
     * Keras's {@code ReduceLROnPlateau(monitor='loss')} watches): free, needs no extra data, and
     * far less noisy than any single batch. The default.
     */
    record TrainingLoss() implements Monitor {
    }

    /**
     * A metric computed on a validation iterator at each check (costs one pass over it).
     *
     * @param iterator the validation data; reset before each pass
     * @param metric which metric
     */
    record Validation(DataSetIterator iterator, ValidationMetric metric) implements Monitor {
        /** Requires both. */
        public Validation {
            if (iterator == null || metric == null) {
                throw new IllegalArgumentException("validation monitor needs an iterator and a metric");
            }
        }
    }
}
