package org.terrain4j.listeners;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.terrain4j.terrain.CurvatureSnapshot;
import org.terrain4j.terrain.Terrain;
import org.terrain4j.terrain.TerrainSnapshot;

/**
 * One detection or action of a {@link TerrainListener}, with the numbers behind it.
 *
 * @param type what happened
 * @param iteration the network's iteration count when it happened
 * @param epoch the network's epoch count
 * @param terrain the terrain at the time
 * @param message what was seen and done, in words
 * @param learningRatesBefore per controlled layer, the rate before an action (empty if none)
 * @param learningRatesAfter per controlled layer, the rate after an action (empty if none)
 * @param statistics the snapshot behind the decision
 * @param curvature the curvature probe behind it, or null when none was involved
 */
public record TerrainEvent(EventType type, long iteration, long epoch, Terrain terrain, String message,
                           Map<String, Double> learningRatesBefore, Map<String, Double> learningRatesAfter,
                           TerrainSnapshot statistics, CurvatureSnapshot curvature) {

    /** Copies the maps, keeping their order. */
    public TerrainEvent {
        learningRatesBefore = Collections.unmodifiableMap(new LinkedHashMap<>(learningRatesBefore));
        learningRatesAfter = Collections.unmodifiableMap(new LinkedHashMap<>(learningRatesAfter));
    }
}
