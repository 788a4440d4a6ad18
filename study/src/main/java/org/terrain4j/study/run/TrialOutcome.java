package org.terrain4j.study.run;

import java.io.Serializable;

/**
 * What a trial trained in another process sends back: small and serializable (the model stays
 * where it was saved).
 *
 * @param complete whether the trial trained to the end or until pruned, and scored
 * @param score its score, or null when failed
 * @param failure why it failed, or null
 * @param prunedReason why the pruner stopped it, or null
 * @param where the process (a Spark executor, a worker) that trained it
 */
public record TrialOutcome(boolean complete, Double score, String failure, String prunedReason, String where)
        implements Serializable {
}
