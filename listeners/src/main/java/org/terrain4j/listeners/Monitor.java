package org.terrain4j.listeners;

import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/** The quantity the plateau detector watches. */
public sealed interface Monitor {

    /** The smoothed training loss: free, needs no extra data. The default. */
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
