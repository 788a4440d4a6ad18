package org.terrain4j.study.store;

/** Whether a study looks for the lowest or the highest score. */
public enum Direction {
    MINIMIZE,
    MAXIMIZE;

    /** The direction of a score function ({@code ScoreFunction.minimize()}). */
    public static Direction of(boolean minimize) {
        return minimize ? MINIMIZE : MAXIMIZE;
    }

    /** Whether {@code a} is better than {@code b}; a null or NaN score is never better. */
    public boolean better(Double a, Double b) {
        if (a == null || a.isNaN()) {
            return false;
        }
        if (b == null || b.isNaN()) {
            return true;
        }
        return this == MINIMIZE ? a < b : a > b;
    }
}
