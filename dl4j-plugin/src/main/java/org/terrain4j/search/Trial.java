package org.terrain4j.search;

/**
 * One suggestion and its outcome.
 *
 * @param id the order of suggestion, from 0
 * @param point the snapped point in [0,1]^d that was evaluated
 * @param state where it stands
 * @param loss the value to minimize when {@code COMPLETE}, NaN otherwise
 */
public record Trial(int id, double[] point, TrialState state, double loss) {

    /** Validates; the point is not copied (the history owns it). */
    public Trial {
        if (state == TrialState.COMPLETE && !Double.isFinite(loss)) {
            throw new IllegalArgumentException("a complete trial needs a finite loss, got " + loss);
        }
    }
}
