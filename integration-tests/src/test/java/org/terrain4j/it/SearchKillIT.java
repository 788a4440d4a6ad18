package org.terrain4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.terrain4j.study.store.Abandonment;
import org.terrain4j.study.store.JdbcStudyStore;
import org.terrain4j.study.store.StoreLocation;
import org.terrain4j.study.store.StoredTrial;
import org.terrain4j.study.store.StudyStore;
import org.terrain4j.study.store.TrialState;

/**
 * {@code terrain search --resume --parallel 2} (TPE, worker processes) killed with SIGKILL at
 * random moments, twelve times, then run to the end: every trial that had finished before a kill
 * is still there, unchanged; no configuration completes twice; the trials a kill interrupted are
 * recorded as abandoned and trained again (driver kills never use up their retries); the study
 * ends with exactly the trial budget of finished trials; the best model is the best committed
 * trial's; no worker process outlives its killed driver.
 */
class SearchKillIT {

    private static final int TRIALS = 120;
    private static final int KILLS = 12;

    @TempDir
    Path folder;

    private Process start(Path db) throws Exception {
        return SearchProcess.start(folder.resolve("search.log"), "--generator", "tpe", "--trials", Integer.toString(TRIALS),
                "--epochs", "1", "--seed", "3", "--parallel", "2", "--storage", "sqlite:" + db, "--study", "kill", "--resume",
                "--models", folder.resolve("models").toString());
    }

    private static void waitForAStartedTrial(StoreLocation location, Process search) throws Exception {
        Path file = location.sqliteFile();
        for (int i = 0; i < 600 && search.isAlive(); i++) {
            if (java.nio.file.Files.exists(file)) {
                try (StudyStore store = JdbcStudyStore.open(location)) {
                    if (store.find("kill").isPresent() && !store.trials("kill").isEmpty()) {
                        return;
                    }
                } catch (org.terrain4j.study.store.StoreException busy) {
                    // the search is creating the schema (a slow machine): look again
                }
            }
            Thread.sleep(100);
        }
    }

    @Test
    void aSearchKilledAtRandomMomentsAndResumedLosesNothingAndRepeatsNothing() throws Exception {
        Path db = folder.resolve("kill.db");
        StoreLocation location = StoreLocation.parse("sqlite:" + db);
        Random random = new Random(11);
        Map<Integer, StoredTrial> finishedBefore = new HashMap<>();
        List<ProcessHandle> workers = new ArrayList<>();
        int kills = 0;
        while (kills < KILLS) {
            Process search = start(db);
            boolean ended = search.waitFor(1500 + random.nextInt(4000), TimeUnit.MILLISECONDS);
            assertThat(ended).as("the search ended before kill %d: %s", kills + 1,
                    ended ? java.nio.file.Files.readString(folder.resolve("search.log")) : "").isFalse();
            if (kills == 0) {
                // a slow machine may still be starting the JVM: make sure the first kill hits training
                waitForAStartedTrial(location, search);
                Thread.sleep(random.nextInt(2000));
            }
            workers.addAll(search.descendants().toList());
            search.destroyForcibly(); // SIGKILL
            search.waitFor();
            kills++;
            if (!java.nio.file.Files.exists(db)) {
                continue;
            }
            try (StudyStore store = JdbcStudyStore.open(location)) {
                for (StoredTrial t : store.trials("kill")) {
                    StoredTrial before = finishedBefore.get(t.number());
                    if (before != null) {
                        assertThat(t.state()).as("trial %d after kill %d", t.number(), kills).isEqualTo(before.state());
                        assertThat(t.score()).isEqualTo(before.score());
                        assertThat(t.point()).containsExactly(before.point());
                    }
                    if (t.state().finished()) {
                        finishedBefore.put(t.number(), t);
                    }
                }
            }
        }
        Process last = start(db);
        assertThat(last.waitFor(10, TimeUnit.MINUTES)).isTrue();
        assertThat(last.exitValue()).as(java.nio.file.Files.readString(folder.resolve("search.log"))).isZero();

        try (StudyStore store = JdbcStudyStore.open(location)) {
            List<StoredTrial> trials = store.trials("kill");
            for (StoredTrial before : finishedBefore.values()) {
                StoredTrial now = trials.get(before.number());
                assertThat(now.state()).isEqualTo(before.state());
                assertThat(now.score()).isEqualTo(before.score());
            }
            List<StoredTrial> abandoned = trials.stream()
                    .filter(t -> t.abandonment() != Abandonment.NONE).toList();
            List<StoredTrial> counted = trials.stream().filter(t -> !abandoned.contains(t)).toList();
            assertThat(counted).as("the budget, in finished trials").hasSize(TRIALS)
                    .allSatisfy(t -> assertThat(t.state()).isIn(TrialState.COMPLETE, TrialState.PRUNED));
            Set<String> points = new HashSet<>();
            for (StoredTrial t : counted) {
                assertThat(points.add(Arrays.toString(t.point()))).as("trial %d repeats a configuration", t.number()).isTrue();
            }
            assertThat(abandoned).as("kills during training leave abandoned trials").isNotEmpty();
            for (StoredTrial a : abandoned) {
                // In worker processes a trial cannot kill its driver: driver kills never use up its retries.
                assertThat(a.isolated()).isTrue();
                assertThat(a.abandonment()).isEqualTo(Abandonment.RETRIED);
                assertThat(a.reason()).contains("trained again");
                assertThat(trials.stream().filter(t -> Integer.valueOf(a.number()).equals(t.retryOf())))
                        .as("abandoned trial %d trained again, its lineage recorded", a.number())
                        .singleElement().satisfies(t -> assertThat(t.point()).containsExactly(a.point()));
            }
            // The best model on disk is a committed trial's, and the best one's.
            StoredTrial best = counted.stream().filter(t -> t.state() == TrialState.COMPLETE)
                    .max(java.util.Comparator.comparing(StoredTrial::score)).orElseThrow();
            assertThat(folder.resolve("models/best-model.zip")).exists();
            var summary = new com.fasterxml.jackson.databind.ObjectMapper().readTree(folder.resolve("models/best-model.json").toFile());
            assertThat(summary.get("score").asDouble()).isEqualTo(best.score());
            StoredTrial saved = trials.get(summary.get("trial").asInt());
            assertThat(saved.state()).isEqualTo(TrialState.COMPLETE);
            assertThat(saved.score()).isEqualTo(best.score());
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
        while (workers.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(workers.stream().filter(ProcessHandle::isAlive).toList())
                .as("worker processes left over by %d killed drivers", KILLS).isEmpty();
    }
}
