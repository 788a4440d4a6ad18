package org.terrain4j.demo;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.terrain4j.listeners.EventType;
import org.terrain4j.listeners.TerrainEvent;
import org.terrain4j.listeners.TerrainListener;

/**
 * The learning-rate changes a {@link TerrainListener} made, with its reasons, in the demo's
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
        return listener.events().stream().filter(e -> e.type() == EventType.LEARNING_RATE_SCALED)
                .map(TerrainChangeLog::change).toList();
    }

    /** The terrain that caused each change, e.g. "plateau", short enough for the table. */
    private static LearningRateChange change(TerrainEvent event) {
        Map.Entry<String, Double> before = event.learningRatesBefore().entrySet().iterator().next();
        return new LearningRateChange((int) event.epoch() + 1, before.getValue(),
                event.learningRatesAfter().get(before.getKey()), event.terrain().name().toLowerCase(Locale.ROOT));
    }

    /** Each change with the listener's full explanation, one line each, for under the table. */
    public List<String> explanations() {
        return listener.events().stream().filter(e -> e.type() == EventType.LEARNING_RATE_SCALED)
                .map(e -> String.format(Locale.ROOT, "  epoch %d: %s", e.epoch() + 1, e.message())).toList();
    }
}
