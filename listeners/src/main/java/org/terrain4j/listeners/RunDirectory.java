package org.terrain4j.listeners;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The files of one training run that {@code terrain report} draws: the listener's events
 * ({@value #EVENTS}, JSON Lines) and its statistics ({@value #STATISTICS}, CSV), side by side in
 * one directory ({@link TerrainListenerBuilder#runDirectory}).
 *
 * @param directory the run's directory
 */
public record RunDirectory(Path directory) {

    /** The events file's name. */
    public static final String EVENTS = "events.jsonl";
    /** The statistics file's name. */
    public static final String STATISTICS = "statistics.csv";

    /** Requires a directory. */
    public RunDirectory {
        Objects.requireNonNull(directory, "directory");
    }

    /** The events file. */
    public Path events() {
        return directory.resolve(EVENTS);
    }

    /** The statistics file. */
    public Path statistics() {
        return directory.resolve(STATISTICS);
    }
}
