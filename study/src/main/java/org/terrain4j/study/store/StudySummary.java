package org.terrain4j.study.store;

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
}
