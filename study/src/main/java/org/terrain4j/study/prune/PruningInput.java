package org.terrain4j.study.prune;

import java.util.List;
import org.terrain4j.study.store.Direction;

/**
 * A pruner's question: should {@code trial}, which just reported its latest score, stop?
 *
 * @param study the study's name (Hyperband assigns brackets by it, as Optuna does)
 * @param direction whether lower or higher scores are better
 * @param trial the trial asking, running
 * @param trials every trial of the study, the asking one included, in any state
 */
public record PruningInput(String study, Direction direction, TrialProgress trial, List<TrialProgress> trials) {
}
