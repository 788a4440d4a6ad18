package org.terrain4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.terrain4j.study.store.JdbcStudyStore;
import org.terrain4j.study.store.StoreLocation;
import org.terrain4j.study.store.StoredTrial;
import org.terrain4j.study.store.StudyStore;
import org.terrain4j.study.store.TrialState;

/**
 * {@code terrain search --parallel 2} (worker processes) stopped with SIGTERM (Ctrl-C, a
 * scheduler's stop) while its workers train: the shutdown stops the workers, leaves the
 * interrupted trials running in the store (so that a resume trains them again, rather than
 * recording the shutdown as their failure) and says how to resume.
 */
class SearchShutdownIT {

    @TempDir
    Path folder;

    @Test
    void aTerminatedSearchStopsItsWorkersAndSaysHowToResume() throws Exception {
        Path db = folder.resolve("shutdown.db");
        Path log = folder.resolve("search.log");
        Process driver = SearchProcess.start(log, "--generator", "random", "--trials", "4", "--epochs", "2000", "--parallel", "2",
                "--storage", "sqlite:" + db, "--study", "stopped");
        List<ProcessHandle> workers = SearchProcess.workers(driver, 2, log);
        Thread.sleep(3_000); // into their trials

        driver.destroy(); // SIGTERM: the shutdown hook runs
        assertThat(driver.waitFor(60, TimeUnit.SECONDS)).as("the search ends after SIGTERM").isTrue();

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (workers.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        boolean left = workers.stream().anyMatch(ProcessHandle::isAlive);
        workers.forEach(ProcessHandle::destroyForcibly);
        String output = Files.readString(log);
        assertThat(left).as("worker processes outlive the stopped search").isFalse();
        assertThat(output).contains("study stopped: stopped with 2 trial(s) running; they are trained again when the study "
                + "resumes");
        try (StudyStore store = JdbcStudyStore.open(StoreLocation.parse("sqlite:" + db))) {
            assertThat(store.trials("stopped")).extracting(StoredTrial::state)
                    .as("the interrupted trials are not recorded as failed: %s", output)
                    .containsOnly(TrialState.RUNNING).hasSize(2);
        }
    }
}
