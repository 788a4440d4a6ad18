package org.terrain4j.study.prune;

import java.util.List;
import org.terrain4j.study.store.TrialState;

/**
 * What a pruner sees of one trial.
 *
 * @param number the trial's number in its study
 * @param state where it is
 * @param values its scores after 1, 2, 3, ... epochs: {@code values.get(k)} is the score after
 *        epoch {@code k + 1}, which pruners call step {@code k + 1}
 */
public record TrialProgress(int number, TrialState state, List<Double> values) {

    /** The number of epochs reported, which is the last step. */
    public int lastStep() {
        return values.size();
    }

    /** The score at {@code step} (1-based), or NaN when the trial did not report it. */
    public double valueAt(int step) {
        return step >= 1 && step <= values.size() ? values.get(step - 1) : Double.NaN;
    }
}
