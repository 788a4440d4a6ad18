package org.terrain4j.study.run;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.terrain4j.listeners.EventType;
import org.terrain4j.listeners.TerrainEvent;
import org.terrain4j.listeners.TerrainListener;
import org.terrain4j.stats.SignalSummary;
import org.terrain4j.terrain.CurvatureSnapshot;
import org.terrain4j.study.store.TrialDecision;

/**
 * What a trial's listener decided, as the study store keeps it: the decisions among its events,
 * then one {@code FINAL} record of where training ended (terrain, rate, loss, gradient, noise
 * scale, last curvature probe).
 */
final class TrialDecisions {

    /** The events that act on the learning rate or on training. */
    private static final Set<EventType> DECISIONS = EnumSet.of(EventType.LEARNING_RATE_SCALED, EventType.RATE_TRIAL,
            EventType.ROLLBACK, EventType.SADDLE_ESCAPE, EventType.COOLDOWN, EventType.STOP_REQUESTED);

    private TrialDecisions() {
    }

    /** The listener's decisions, in order, with the first controlled layer's rates, and the final record. */
    static List<TrialDecision> of(TerrainListener listener) {
        List<TrialDecision> decisions = of(listener.events());
        decisions.add(finalRecord(listener));
        return decisions;
    }

    /** Where training ended: the last record of every trial trained with Terrain. */
    static TrialDecision finalRecord(TerrainListener listener) {
        SignalSummary s = listener.statistics();
        List<TerrainEvent> events = listener.events();
        StringBuilder reason = new StringBuilder(String.format(Locale.ROOT,
                "final: %d iterations, smoothed loss %.4g, gradient norm %.3g, gradient noise scale %.3g vs batch %d",
                s.iterations(), s.smoothedLoss(), s.smoothedGradientNorm(), listener.gradientNoiseScale(),
                listener.batchSize()));
        listener.lastCurvatureProbe().filter(CurvatureSnapshot::conclusive).ifPresent(p -> reason.append(String.format(
                Locale.ROOT, "; last curvature probe lambda_min %.3g, lambda_max %.3g, trace %.3g", p.lambdaMin(),
                p.lambdaMax(), p.trace())));
        Double startingRate = events.stream().filter(e -> !e.learningRatesBefore().isEmpty()).findFirst()
                .map(e -> first(e.learningRatesBefore())).orElse(null);
        return new TrialDecision((int) listener.epochs(), s.iterations(), "FINAL", listener.terrain().name(),
                startingRate, first(listener.learningRates()), reason.toString());
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
