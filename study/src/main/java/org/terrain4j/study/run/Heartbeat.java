package org.terrain4j.study.run;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.terrain4j.study.store.StudyStore;

/**
 * Tells the store, every interval, that a worker's running trials are alive, from a daemon
 * thread, until closed; a failed beat is logged and the next one tried. Other processes count
 * a trial whose worker stopped beating as abandoned.
 */
final class Heartbeat implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Heartbeat.class);

    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "terrain-heartbeat");
        t.setDaemon(true);
        return t;
    });

    Heartbeat(StudyStore store, String study, String worker, long everyMillis) {
        thread.scheduleAtFixedRate(() -> {
            try {
                store.heartbeat(study, worker);
            } catch (RuntimeException e) {
                LOG.warn("study {}: heartbeat failed: {}", study, e.getMessage());
            }
        }, everyMillis, everyMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
