package org.terrain4j.study.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.terrain4j.study.testing.BlobsSearch.configuration;
import static org.terrain4j.study.testing.BlobsSearch.random;
import static org.terrain4j.study.testing.BlobsSearch.space;
import static org.terrain4j.study.testing.BlobsSearch.tpe;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.terrain4j.study.prune.SuccessiveHalvingPruner;
import org.terrain4j.study.store.JdbcStudyStore;
import org.terrain4j.study.store.StoreLocation;
import org.terrain4j.study.store.StoredTrial;
import org.terrain4j.study.store.StudyStore;
import org.terrain4j.study.store.TrialState;

/** Trials in real worker JVMs: recorded, pruned from the workers, and a worker killed mid-trial. */
class ProcessTrialExecutorTest {

    @TempDir
    Path folder;

    StudyStore store() {
        return JdbcStudyStore.open(StoreLocation.parse("sqlite:" + folder.resolve("studies.db")));
    }

    @Test
    void trialsTrainInWorkerProcessesThatReportEpochsAndPrune() {
        try (StudyStore store = store()) {
            StudyRunner.builder(configuration(tpe(space(4)), 8)).store(store).study("workers")
                    .executor(new ProcessTrialExecutor(2)).pruner(new SuccessiveHalvingPruner(1, 2, 0, 0))
                    .modelFolder(folder.resolve("models")).build().execute();
            List<StoredTrial> trials = store.trials("workers");
            assertThat(trials).hasSize(8).allSatisfy(t -> {
                assertThat(t.state()).isIn(TrialState.COMPLETE, TrialState.PRUNED);
                assertThat(t.score()).isEqualTo(t.intermediate().get(t.intermediate().size() - 1));
            });
            assertThat(trials.stream().filter(t -> t.state() == TrialState.PRUNED))
                    .as("%s", trials.stream().map(t -> t.number() + ":" + t.state() + t.intermediate()).toList()).isNotEmpty();
            assertThat(folder.resolve("models/best-model.zip")).exists();
        }
    }

    @Test
    void aWorkerKilledDuringATrialFailsThatTrialAndIsReplaced() throws Exception {
        try (StudyStore store = store()) {
            Thread killer = new Thread(() -> {
                try {
                    for (int i = 0; i < 600; i++) {
                        Optional<ProcessHandle> worker = ProcessHandle.current().children().findFirst();
                        if (worker.isPresent() && i > 0 && store.trials("killed").size() >= 2) {
                            worker.get().destroyForcibly();
                            return;
                        }
                        Thread.sleep(50);
                    }
                } catch (InterruptedException | RuntimeException e) {
                    // the assertion below reports it
                }
            });
            killer.start();
            StudyRunner.builder(configuration(random(space(40)), 5)).store(store).study("killed")
                    .executor(new ProcessTrialExecutor(1)).build().execute();
            killer.join();
            List<StoredTrial> trials = store.trials("killed");
            assertThat(trials).hasSize(5);
            assertThat(trials.stream().filter(t -> t.state() == TrialState.FAILED)).hasSize(1)
                    .allSatisfy(t -> assertThat(t.reason()).contains("the worker process exited with code"));
            assertThat(trials.stream().filter(t -> t.state() == TrialState.COMPLETE)).hasSize(4);
        }
    }
    @Test
    void aTrialPastTheTimeLimitFailsSayingSoAndTheSearchGoesOn() {
        try (StudyStore store = store()) {
            StudyRunner.builder(configuration(random(space(40)), 2)).store(store).study("slow")
                    .executor(new ProcessTrialExecutor(1, ProcessTrialExecutor.DEFAULT_JVM_OPTIONS, java.time.Duration.ofSeconds(1)))
                    .build().execute();
            // 40 epochs (and a new worker's start-up) take longer than a second: each trial is stopped, the next goes on
            assertThat(store.trials("slow")).hasSize(2).allSatisfy(t -> {
                assertThat(t.state()).isEqualTo(TrialState.FAILED);
                assertThat(t.reason()).contains("the worker process was stopped: trial " + t.number()
                        + " ran past the trial time limit of 1s");
            });
        }
    }

    @Test
    void theTimeLimitIsBoundedAndNamedWhenWrong() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> new ProcessTrialExecutor(1, List.of(), java.time.Duration.ofMillis(10)))
                .hasMessage("the trial time limit must be from 1 second to 365 days, got PT0.01S");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> new ProcessTrialExecutor(1, List.of(), java.time.Duration.ofDays(400)))
                .hasMessageContaining("365 days, got PT9600H");
        assertThat(ProcessTrialExecutor.describe(java.time.Duration.ofMinutes(90))).isEqualTo("90m");
        assertThat(ProcessTrialExecutor.describe(java.time.Duration.ofHours(2))).isEqualTo("2h");
        assertThat(ProcessTrialExecutor.describe(java.time.Duration.ofSeconds(75))).isEqualTo("75s");
    }

    @Test
    void aWorkersCommandLineCarriesNoSecret() throws Exception {
        // Any local user reads /proc/PID/cmdline: the port and the secret go to standard input.
        List<List<String>> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread watcher = new Thread(() -> {
            while (running.get()) {
                ProcessHandle.current().children().forEach(child -> {
                    try {
                        String line = java.nio.file.Files.readString(Path.of("/proc", Long.toString(child.pid()), "cmdline"));
                        if (!line.isEmpty()) {
                            seen.add(List.of(line.split("\0")));
                        }
                    } catch (java.io.IOException e) {
                        // it exited meanwhile
                    }
                });
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        watcher.start();
        try (StudyStore store = store()) {
            StudyRunner.builder(configuration(random(space(40)), 2)).store(store).study("quiet")
                    .executor(new ProcessTrialExecutor(1)).build().execute();
            assertThat(store.trials("quiet")).hasSize(2).allSatisfy(t -> assertThat(t.state()).isEqualTo(TrialState.COMPLETE));
        } finally {
            running.set(false);
            watcher.join();
        }
        // (A child caught while the JDK's jspawnhelper still starts it has that helper's command line.)
        assertThat(seen).noneMatch(arguments -> arguments.stream().anyMatch(a -> a.matches(".*[0-9a-f]{32}.*")));
        assertThat(seen.stream().filter(arguments -> arguments.contains(TrialWorker.class.getName()))).isNotEmpty()
                .allSatisfy(arguments -> {
                    assertThat(arguments.get(arguments.size() - 2)).isEqualTo(TrialWorker.class.getName());
                    assertThat(arguments.get(arguments.size() - 1)).endsWith("/worker-0");
                });
    }

    @Test
    void workersTrainWhenTheirJvmWritesToStandardOutput() {
        List<String> options = new java.util.ArrayList<>(ProcessTrialExecutor.DEFAULT_JVM_OPTIONS);
        options.add("-Xlog:gc*:stdout"); // the JVM's own lines, written to standard output at any time
        try (StudyStore store = store()) {
            StudyRunner.builder(configuration(random(space(40)), 3)).store(store).study("chatty")
                    .executor(new ProcessTrialExecutor(1, options)).build().execute();
            assertThat(store.trials("chatty")).hasSize(3).allSatisfy(t -> assertThat(t.state()).isEqualTo(TrialState.COMPLETE));
        }
    }

    @Test
    void aWorkerJvmThatCannotStartFailsTheTrialsWithItsExitCode() {
        try (StudyStore store = store()) {
            StudyRunner.builder(configuration(random(space(40)), 2)).store(store).study("no-start")
                    .executor(new ProcessTrialExecutor(1, List.of("-XX:+NoSuchTerrainOption"))).build().execute();
            assertThat(store.trials("no-start")).hasSize(2).allSatisfy(t -> {
                assertThat(t.state()).isEqualTo(TrialState.FAILED);
                assertThat(t.reason()).contains("the worker process could not start: exited with code 1 before it connected");
            });
        }
    }

    @Test
    void workersInheritTheDriversLoggingConfigurationAndTheirOwnOptionsComeLast() {
        java.util.Properties driver = new java.util.Properties();
        driver.setProperty("logback.configurationFile", "/etc/terrain/logback.xml");
        driver.setProperty("user.name", "someone");
        assertThat(ProcessTrialExecutor.workerOptions(List.of("-Xmx1g", "-Dlogback.configurationFile=mine.xml"), driver))
                .containsExactly("-Dlogback.configurationFile=/etc/terrain/logback.xml", "-Xmx1g",
                        "-Dlogback.configurationFile=mine.xml");
        assertThat(ProcessTrialExecutor.workerOptions(List.of("-Xmx1g"), new java.util.Properties())).containsExactly("-Xmx1g");
    }
}
