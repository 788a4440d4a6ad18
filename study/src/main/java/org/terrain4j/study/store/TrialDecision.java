package org.terrain4j.study.store;

import java.util.Objects;

/**
 * One learning-rate decision Terrain's listener took while a trial trained, as stored.
 *
 * @param epoch the network's epoch when it was taken
 * @param iteration the iteration of the first update it applied to
 * @param kind the listener's event type (LEARNING_RATE_SCALED, RATE_TRIAL, ROLLBACK, COOLDOWN, ...)
 * @param terrain the terrain the listener saw
 * @param rateBefore the first controlled layer's learning rate before, or null
 * @param rateAfter and after, or null
 * @param reason what the listener saw and did, in words (at most {@value #MAX_REASON} characters)
 */
public record TrialDecision(int epoch, long iteration, String kind, String terrain, Double rateBefore,
                            Double rateAfter, String reason) {

    /** Longest reason kept; longer ones are cut with an ellipsis. */
    public static final int MAX_REASON = 2000;

    /** Requires the words; bounds the reason. */
    public TrialDecision {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(terrain, "terrain");
        Objects.requireNonNull(reason, "reason");
        if (kind.length() > 32 || terrain.length() > 32) {
            throw new IllegalArgumentException("decision kind and terrain are at most 32 characters, got '" + kind
                    + "' and '" + terrain + "'");
        }
        if (reason.length() > MAX_REASON) {
            reason = reason.substring(0, MAX_REASON - 3) + "...";
        }
    }

    /**
     * In a few characters: a rate change, {@code e4 0.300->0.0900}; the final rate, {@code final 0.0900};
     * or the kind when no rate changed.
     */
    public String summary() {
        if (kind.equals("FINAL")) {
            return rateAfter == null ? "final" : String.format(java.util.Locale.ROOT, "final %.3g", rateAfter);
        }
        if (rateBefore != null && rateAfter != null && !rateBefore.equals(rateAfter)) {
            return String.format(java.util.Locale.ROOT, "e%d %.3g->%.3g", epoch, rateBefore, rateAfter);
        }
        return "e" + epoch + " " + kind.toLowerCase(java.util.Locale.ROOT);
    }
}
