package org.terrain4j.study.run;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.terrain4j.study.store.Abandonment;
import org.terrain4j.study.store.StoredTrial;
import org.terrain4j.study.store.TrialState;

/**
 * Which running trials nobody is running any more: their worker is known dead, or its last
 * heartbeat is older than the timeout. Pure, for testing.
 */
final class Abandoned {

    private Abandoned() {
    }

    /**
     * @param trials the study's trials
     * @param now the time (epoch ms)
     * @param staleAfterMillis heartbeat age after which a worker counts as dead
     * @param dead whether a worker is known dead (a process of this host that is gone)
     * @param self this process's worker name: its own trials are never abandoned
     */
    static List<StoredTrial> find(List<StoredTrial> trials, long now, long staleAfterMillis, Predicate<String> dead,
            String self) {
        List<StoredTrial> abandoned = new ArrayList<>();
        for (StoredTrial t : trials) {
            if (t.state() == TrialState.RUNNING && !t.worker().equals(self)
                    && (dead.test(t.worker()) || now - t.heartbeatAt() > staleAfterMillis)) {
                abandoned.add(t);
            }
        }
        return abandoned;
    }

    /**
     * Whether a trial with {@code point} was already abandoned at least {@code times} times while
     * training inside the process that died (then it is not retried). Abandonments of isolated
     * trials do not count: their own process outlives their crashes, so the death was not theirs.
     */
    static boolean abandonedBefore(List<StoredTrial> trials, double[] point, int times) {
        int count = 0;
        for (StoredTrial t : trials) {
            if (is(t) && !t.isolated() && java.util.Arrays.equals(t.point(), point)) {
                count++;
            }
        }
        return count >= times;
    }

    /**
     * The abandoned trials marked to be trained again that no trial retrains (or has started to)
     * yet, in trial order.
     */
    static List<StoredTrial> awaitingRetrial(List<StoredTrial> trials) {
        List<StoredTrial> waiting = new ArrayList<>();
        for (StoredTrial t : trials) {
            if (t.abandonment() == Abandonment.RETRIED
                    && trials.stream().noneMatch(u -> Integer.valueOf(t.number()).equals(u.retryOf()))) {
                waiting.add(t);
            }
        }
        return waiting;
    }

    /** Whether {@code t} trained again the configuration of an abandoned trial (no generator proposed it). */
    static boolean isRetrial(StoredTrial t) {
        return t.retryOf() != null;
    }

    /** Whether {@code t} was marked abandoned: failed because its worker died, not because of its configuration. */
    static boolean is(StoredTrial t) {
        return t.abandonment() != Abandonment.NONE;
    }

    /** What an abandoned trial's reason says when it is to be trained again. */
    static final String RETRIED = "trained again";

    /** How an abandoned trial's reason starts. */
    static final String REASON = "abandoned";
}
