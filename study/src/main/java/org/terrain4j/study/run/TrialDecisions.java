package org.terrain4j.study.run;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.terrain4j.listeners.EventType;
import org.terrain4j.listeners.TerrainEvent;
import org.terrain4j.study.store.TrialDecision;

/** The decisions among a trial's listener events, as the study store keeps them. */
final class TrialDecisions {

    /** The events that act on the learning rate or on training. */
    private static final Set<EventType> DECISIONS = EnumSet.of(EventType.LEARNING_RATE_SCALED, EventType.RATE_TRIAL,
            EventType.ROLLBACK, EventType.SADDLE_ESCAPE, EventType.COOLDOWN, EventType.STOP_REQUESTED);

    private TrialDecisions() {
    }

    /** The decisions among {@code events}, in order, with the first controlled layer's rates. */
    static List<TrialDecision> of(List<TerrainEvent> events) {
        List<TrialDecision> decisions = new ArrayList<>();
        for (TerrainEvent e : events) {
            if (DECISIONS.contains(e.type())) {
                decisions.add(new TrialDecision((int) e.epoch(), e.iteration(), e.type().name(), e.terrain().name(),
                        first(e.learningRatesBefore()), first(e.learningRatesAfter()), e.message()));
            }
        }
        return decisions;
    }

    private static Double first(Map<String, Double> rates) {
        return rates.isEmpty() ? null : rates.values().iterator().next();
    }
}
