package org.terrain4j.study.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.terrain4j.study.testing.BlobsSearch.configuration;
import static org.terrain4j.study.testing.BlobsSearch.space;
import static org.terrain4j.study.testing.BlobsSearch.tpe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.terrain4j.study.store.JdbcStudyStore;
import org.terrain4j.study.store.StoreException;
import org.terrain4j.study.store.StoreLocation;
import org.terrain4j.study.store.StoredTrial;
import org.terrain4j.study.store.StudyStore;
import org.terrain4j.study.store.TrialState;
import org.terrain4j.study.testing.PostgresServer;

/**
 * A study on a real PostgreSQL server that demands a password (SCRAM-SHA-256), trained by worker
 * processes: the workers reach the store (the password travels in their environment only), and
 * no process's command line, watched in /proc as another local user would, ever holds it.
 */
class PasswordThroughWorkersIT {

    @Test
    void workerProcessesReachAPasswordProtectedStoreWithoutThePasswordOnAnyCommandLine() throws Exception {
        String password = "pw-" + UUID.randomUUID();
        try (PostgresServer server = PostgresServer.startWithPassword("studies", password)) {
            StoreLocation location = StoreLocation.parse(server.url("studies"), Map.of("TERRAIN_DB_PASSWORD", password));
            AtomicReference<String> leak = new AtomicReference<>();
            AtomicBoolean running = new AtomicBoolean(true);
            Thread watcher = new Thread(() -> {
                while (running.get() && leak.get() == null) {
                    leak.compareAndSet(null, commandLineHolding(password));
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            watcher.start();
            List<StoredTrial> trials;
            try (StudyStore store = JdbcStudyStore.open(location)) {
                StudyRunner.builder(configuration(tpe(space(2)), 4)).store(store).study("secret")
                        .executor(new ProcessTrialExecutor(2)).build().execute();
                trials = store.trials("secret");
            } finally {
                running.set(false);
                watcher.join();
            }

            assertThat(trials).hasSize(4).allSatisfy(t -> {
                assertThat(t.state()).as("trial %d: %s", t.number(), t.reason()).isEqualTo(TrialState.COMPLETE);
                assertThat(t.isolated()).isTrue();
            });
            assertThat(leak.get()).as("a command line holding the password").isNull();
            // the password mattered: without it the server refuses, in one line that does not echo one
            assertThatThrownBy(() -> JdbcStudyStore.open(StoreLocation.parse(server.url("studies"), Map.of())))
                    .isInstanceOf(StoreException.class).satisfies(e -> assertThat(e.getMessage()).doesNotContain(password));
        }
    }

    /** The first process command line in /proc that holds {@code secret}, or null. */
    private static String commandLineHolding(String secret) {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String commandLine = new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8)
                            .replace('\0', ' ');
                    if (commandLine.contains(secret)) {
                        return process.getFileName() + ": " + commandLine;
                    }
                } catch (IOException gone) {
                    // the process ended while we looked
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc", e);
        }
        return null;
    }
}
