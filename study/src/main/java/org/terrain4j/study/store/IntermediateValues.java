package org.terrain4j.study.store;

import java.util.List;

/** How every store keeps a trial's per-epoch scores: by step, 1-based, an epoch that reported nothing as NaN. */
final class IntermediateValues {

    private IntermediateValues() {
    }

    /** Refuses a step below 1 (the runner counts epochs from 1), naming it. */
    static void requireStep(int step) {
        if (step < 1) {
            throw new IllegalArgumentException("step must be at least 1 (the epoch just finished), got " + step);
        }
    }

    /**
     * Appends the score of {@code step} (steps in ascending order) to a trial's scores by step,
     * first filling the epochs that reported nothing (they scored NaN) with NaN, so every later
     * epoch keeps its place.
     */
    static void append(List<Double> byStep, int step, double value) {
        while (byStep.size() < step - 1) {
            byStep.add(Double.NaN);
        }
        byStep.add(value);
    }
}
