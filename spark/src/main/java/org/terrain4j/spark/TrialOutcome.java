package org.terrain4j.spark;

import java.io.Serializable;

/**
 * What an executor sends back for a trial: small and serializable (the model stays where it
 * was saved).
 *
 * @param complete whether the trial trained to the end or until pruned, and scored
 * @param score its score, or null when failed
 * @param failure why it failed, or null
 * @param prunedReason why the pruner stopped it, or null
 * @param executor the executor that trained it
 */
record TrialOutcome(boolean complete, Double score, String failure, String prunedReason, String executor)
        implements Serializable {
}
