package org.terrain4j.study.run;

import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.terrain4j.study.store.StoredTrial;

/**
 * What resuming a study does to its stored trials before the search goes on: which running
 * trials are abandoned (their worker died, or went silent), and whether each is trained again.
 * Pure, computed from the stored trials alone.
 *
 * <p>A trial is trained again unless its configuration was already abandoned
 * {@value #MAX_RETRIES} times while training inside the process that died: a configuration that
 * kills its process is not retried for ever. Abandonments of isolated trials (each in a worker
 * process of its own, which outlives its crashes) do not count: the death was not theirs.
 *
 * @param abandonments what to mark, in trial order
 */
record ResumePlan(List<Abandonment> abandonments) {

    /** How often one configuration is trained again after the process that trained it in-process died. */
    static final int MAX_RETRIES = 3;

    /**
     * One running trial nobody runs any more.
     *
     * @param number its trial number
     * @param retry whether it is trained again
     * @param reason why, as the store records it
     */
    record Abandonment(int number, boolean retry, String reason) {
    }

    /**
     * @param trials the study's stored trials
     * @param now the time (epoch ms)
     * @param staleAfterMillis heartbeat age after which a worker counts as dead
     * @param dead whether a worker is known dead (a process of this host that is gone)
     * @param self this process's worker name: its own trials are never abandoned
     */
    static ResumePlan of(List<StoredTrial> trials, long now, long staleAfterMillis, Predicate<String> dead, String self) {
        return new ResumePlan(Abandoned.find(trials, now, staleAfterMillis, dead, self).stream().map(t -> {
            boolean retry = t.isolated() || !Abandoned.abandonedBefore(trials, t.point(), MAX_RETRIES);
            String reason = Abandoned.REASON + ": worker " + t.worker() + " stopped (last heartbeat "
                    + Instant.ofEpochMilli(t.heartbeatAt()) + ")" + (retry ? "; " + Abandoned.RETRIED
                    : "; abandoned " + (MAX_RETRIES + 1) + " times, not retried (does this configuration kill the process?)");
            return new Abandonment(t.number(), retry, reason);
        }).toList());
    }
}
