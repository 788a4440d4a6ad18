package org.terrain4j.study.prune;

import java.io.Serializable;
import java.util.Optional;

/**
 * Decides, after each epoch of a trial, whether the trial is hopeless: a pure function of the
 * study's per-epoch scores, with Optuna's pruners as the reference semantics. Serializable, so
 * trials on Spark executors can ask it.
 */
public interface Pruner extends Serializable {

    /** The reason to stop the trial now (one line, for the study's records), or empty to go on. */
    Optional<String> prune(PruningInput input);

    /** Never prunes. */
    Pruner NONE = new Pruner() {
        private static final long serialVersionUID = 1L;

        @Override
        public Optional<String> prune(PruningInput input) {
            return Optional.empty();
        }

        @Override
        public String toString() {
            return "none";
        }
    };
}
