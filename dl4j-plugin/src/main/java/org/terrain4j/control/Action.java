package org.terrain4j.control;

import java.util.Map;

/** What a policy decides to do about the terrain. The set of cases is closed. */
public sealed interface Action {

    /** Nothing to do. */
    Action NONE = new None();

    /** Leave training as it is. */
    record None() implements Action {
    }

    /**
     * Multiply the learning rate of some layers, on top of their configured schedules.
     *
     * @param factors per layer name, the factor to multiply its current learning rate by, in (0, 1]
     *                for decays; layers not named are left alone
     */
    record ScaleLearningRate(Map<String, Double> factors) implements Action {
        /** Copies the map. */
        public ScaleLearningRate {
            factors = Map.copyOf(factors);
        }
    }

    /**
     * Ask the training loop to stop (DL4J's {@code fit} cannot be stopped from a listener).
     *
     * @param reason why, for the event log
     */
    record RequestStop(String reason) implements Action {
    }
}
