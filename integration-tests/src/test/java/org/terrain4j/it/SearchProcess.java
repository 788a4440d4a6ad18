package org.terrain4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.terrain4j.cli.TerrainCommand;

/** A {@code terrain search} in a process of its own, as a user starts it, with its worker processes. */
final class SearchProcess {

    private SearchProcess() {
    }

    /** Starts {@code terrain search ARGS} with {@code OMP_NUM_THREADS=1}, its output to {@code log}. */
    static Process start(Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("search"));
        command.addAll(List.of(args));
        return terrain(log, Map.of(), command.toArray(String[]::new));
    }

    /**
     * Starts {@code terrain ARGS} with {@code OMP_NUM_THREADS=1} and {@code environment}, its output
     * (standard output and error, its worker processes' included) to {@code log}.
     */
    static Process terrain(Path log, Map<String, String> environment, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), TerrainCommand.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("OMP_NUM_THREADS", "1");
        builder.environment().putAll(environment);
        return builder.start();
    }

    /** Waits (up to 2 minutes) until {@code driver} has {@code count} worker processes; fails naming the log otherwise. */
    static List<ProcessHandle> workers(Process driver, int count, Path log) throws IOException, InterruptedException {
        List<ProcessHandle> workers = List.of();
        for (int i = 0; i < 1200 && workers.size() < count && driver.isAlive(); i++) {
            Thread.sleep(100);
            workers = driver.descendants().toList();
        }
        assertThat(workers).as("%d worker processes started: %s", count, Files.readString(log)).hasSize(count);
        return workers;
    }
}
