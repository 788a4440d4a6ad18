package org.terrain4j.arbiter;

import java.util.Optional;
import org.terrain4j.listeners.TerrainListener;

/**
 * Told the score of a candidate after each of its epochs, and able to stop it there: how a
 * pruner watches Terrain's tasks. An optimization runner that implements it gets the calls from
 * every {@link TerrainTaskCreator} task it runs; each epoch is then scored with the search's
 * score function, and the last epoch's score is the candidate's.
 */
public interface EpochReporter {

    /**
     * @param candidateIndex the candidate's index
     * @param epoch the epochs trained so far, from 1
     * @param score the score after them
     * @return the reason to stop training the candidate now (it then ends with this score), or empty
     */
    Optional<String> afterEpoch(int candidateIndex, int epoch, double score);

    /**
     * Told what Terrain's listener saw and did while the candidate trained, once it stopped
     * training (after its last epoch, or when pruned), before it is scored and saved.
     *
     * @param listener the candidate's listener: its events, oldest first, and where training ended
     */
    default void afterTraining(int candidateIndex, TerrainListener listener) {
    }
}
