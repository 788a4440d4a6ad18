package org.terrain4j.listeners;

import java.util.Map;
import org.terrain4j.terrain.CurvatureSnapshot;
import org.terrain4j.terrain.Terrain;

/** What the listener's controls (curvature, rollback) need of it, at the iteration being handled. */
interface ControlHost {
    /** Each controlled layer's learning rate for the next iteration. */
    Map<String, Double> controlledRates();

    /** Adds an event. */
    void report(EventType type, Terrain terrain, String message, Map<String, Double> before,
                Map<String, Double> after, CurvatureSnapshot curvature);
}
