package org.terrain4j.study.store;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A study with its trial counts, for listings.
 *
 * @param definition the study
 * @param trialsByState how many trials are in each state (every state present)
 * @param bestScore the best complete score, or null
 * @param bestTrial the number of the best complete trial, or -1
 */
public record StudySummary(StudyDefinition definition, Map<TrialState, Integer> trialsByState, Double bestScore,
        int bestTrial) {

    /** The summary of a study with these trials: the best is the best complete trial (the first of equals). */
    public static StudySummary of(StudyDefinition definition, List<StoredTrial> trials) {
        Map<TrialState, Integer> counts = new EnumMap<>(TrialState.class);
        for (TrialState state : TrialState.values()) {
            counts.put(state, 0);
        }
        Double best = null;
        int bestTrial = -1;
        for (StoredTrial t : trials) {
            counts.merge(t.state(), 1, Integer::sum);
            if (t.state() == TrialState.COMPLETE && definition.direction().better(t.score(), best)) {
                best = t.score();
                bestTrial = t.number();
            }
        }
        return new StudySummary(definition, counts, best, bestTrial);
    }
}
