package org.terrain4j.study.store;

/** Where a stored trial is. Only {@link #RUNNING} ever changes, once, to one of the others. */
public enum TrialState {
    /** Claimed by a worker that heartbeats while it trains. */
    RUNNING,
    /** Trained to the end and scored. */
    COMPLETE,
    /** Stopped early by a pruner; its score is the last intermediate one. */
    PRUNED,
    /** Threw, ran out of memory, scored NaN, or its worker died; the reason says which. */
    FAILED;

    /** Whether the trial has a final outcome. */
    public boolean finished() {
        return this != RUNNING;
    }

    /** This state, when it is a final outcome (what a trial can be finished as); otherwise an error naming it. */
    public TrialState requireFinished() {
        if (!finished()) {
            throw new IllegalArgumentException("finish needs COMPLETE, PRUNED or FAILED, got " + this);
        }
        return this;
    }
}
