package org.terrain4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code terrain search --parallel 2} (worker processes) killed with SIGKILL while its workers
 * train long trials: the workers notice within a heartbeat or two that their driver is gone and
 * stop, instead of training abandoned trials to their end (and saving best models for them).
 */
class WorkerOrphanIT {

    @TempDir
    Path folder;

    @Test
    void workersStopSoonAfterTheirDriverIsKilled() throws Exception {
        Path log = folder.resolve("search.log");
        Process driver = SearchProcess.start(log, "--generator", "random", "--trials", "4", "--epochs", "2000", "--parallel", "2",
                "--storage", "sqlite:" + folder.resolve("orphans.db"), "--study", "orphans",
                "--models", folder.resolve("models").toString());
        List<ProcessHandle> workers = SearchProcess.workers(driver, 2, log);
        Thread.sleep(3_000); // into their trials

        driver.destroyForcibly(); // SIGKILL: no shutdown hook closes the workers
        driver.waitFor(30, TimeUnit.SECONDS);

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
        while (workers.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        boolean orphansLeft = workers.stream().anyMatch(ProcessHandle::isAlive);
        workers.forEach(ProcessHandle::destroyForcibly);
        assertThat(orphansLeft).as("a worker still trains 40 s after its driver was killed").isFalse();
        assertThat(folder.resolve("models/best-model.zip")).doesNotExist();
    }
}
