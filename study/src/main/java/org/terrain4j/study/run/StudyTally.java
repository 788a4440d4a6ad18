package org.terrain4j.study.run;

import java.util.concurrent.atomic.AtomicInteger;
import org.terrain4j.study.store.Direction;
import org.terrain4j.study.store.StoredTrial;
import org.terrain4j.study.store.TrialState;

/**
 * The study's counts and its best score as Arbiter's termination conditions and status
 * listeners read them: the one place they are kept. Trials of earlier runs and of other workers
 * count as this runner's own (the budget is the study's); an abandoned trial counts once, when
 * it is trained again.
 */
final class StudyTally {

    private final Direction direction;
    private final AtomicInteger total = new AtomicInteger();
    private final AtomicInteger completed = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private Double bestScore;
    private Long bestScoreTime;
    private int bestIndex = -1;

    StudyTally(Direction direction) {
        this.direction = direction;
    }

    /** A finished trial read from the store (an earlier run's, another worker's). */
    void count(StoredTrial t) {
        if (Abandoned.is(t)) {
            return;
        }
        total.incrementAndGet();
        if (t.state() == TrialState.FAILED) {
            failed.incrementAndGet();
        } else {
            finished(t.state() == TrialState.COMPLETE, t.score(), -1, t.finishedAt());
        }
    }

    /** One of this runner's trials started. */
    void started() {
        total.incrementAndGet();
    }

    /** One of this runner's trials failed. */
    void failed() {
        failed.incrementAndGet();
    }

    /**
     * A trial finished with {@code score}: complete (a candidate for the best) or pruned.
     *
     * @param index its candidate index here, -1 for a trial read from the store
     */
    synchronized void finished(boolean complete, Double score, int index, long time) {
        completed.incrementAndGet();
        if (complete && direction.better(score, bestScore)) {
            bestScore = score;
            bestScoreTime = time;
            bestIndex = index;
        }
    }

    int total() {
        return total.get();
    }

    int completed() {
        return completed.get();
    }

    int failures() {
        return failed.get();
    }

    synchronized Double bestScore() {
        return bestScore;
    }

    synchronized Long bestScoreTime() {
        return bestScoreTime;
    }

    synchronized int bestIndex() {
        return bestIndex;
    }
}
