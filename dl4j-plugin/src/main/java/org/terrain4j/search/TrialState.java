package org.terrain4j.search;

/** Where a trial stands, as far as a sampler is concerned. */
public enum TrialState {
    /** Suggested and not yet reported: still running, or lost without a report. */
    PENDING,
    /** Finished with a finite loss. */
    COMPLETE,
    /** Threw, or finished with a NaN or infinite score. */
    FAILED
}
