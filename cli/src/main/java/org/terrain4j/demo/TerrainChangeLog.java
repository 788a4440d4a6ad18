package org.terrain4j.demo;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.terrain4j.listeners.EventType;
import org.terrain4j.listeners.TerrainEvent;
import org.terrain4j.listeners.TerrainListener;

/**
 * The learning-rate changes a {@link TerrainListener} made (decays, caps, rise trials, rollbacks),
 * with its reasons, in the demo's
 * epoch numbering: an event during (0-based) epoch e shows at the end of demo epoch e + 1.
 */
public final class TerrainChangeLog implements TrainingRun.ChangeLog {

    private final TerrainListener listener;

    /** @param listener the listener whose events to read */
    public TerrainChangeLog(TerrainListener listener) {
        this.listener = listener;
    }

    @Override
    public List<LearningRateChange> changes() {
        return rateChanges().stream().map(TerrainChangeLog::change).toList();
    }

    /** Every event that changed a rate: decays (and caps), rise trials and their undoing, rollbacks. */
    private List<TerrainEvent> rateChanges() {
        return listener.events().stream()
                .filter(e -> e.type() == EventType.LEARNING_RATE_SCALED || e.type() == EventType.RATE_TRIAL
                        || e.type() == EventType.ROLLBACK)
                .filter(e -> !e.learningRatesBefore().isEmpty() && !e.learningRatesBefore().equals(e.learningRatesAfter()))
                .toList();
    }

    /** The terrain or trial that caused each change, e.g. "plateau" or "rise trial", short enough for the table. */
    private static LearningRateChange change(TerrainEvent event) {
        Map.Entry<String, Double> before = event.learningRatesBefore().entrySet().iterator().next();
        String why = switch (event.type()) {
            case RATE_TRIAL -> event.message().startsWith("rise trial") ? "rise trial" : "rise given up";
            case ROLLBACK -> "rollback";
            default -> event.terrain().name().toLowerCase(Locale.ROOT);
        };
        return new LearningRateChange((int) event.epoch() + 1, before.getValue(),
                event.learningRatesAfter().get(before.getKey()), why);
    }

    /** Each change with the listener's full explanation, one line each, for under the table. */
    public List<String> explanations() {
        return rateChanges().stream()
                .map(e -> String.format(Locale.ROOT, "  epoch %d: %s", e.epoch() + 1, e.message())).toList();
    }
}
