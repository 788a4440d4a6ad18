package org.terrain4j.listeners;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where {@link TerrainEvent}s go: an in-memory history, one SLF4J line each (INFO, WARN for
 * warnings; events are rare, never one per iteration), and optionally a JSON Lines file, one
 * event per line, flushed as written.
 */
final class EventLog {

    /** Events are logged under this class's name, {@code org.terrain4j.listeners.EventLog}: turn it to WARN to keep only warnings. */
    private static final Logger LOG = LoggerFactory.getLogger(EventLog.class);
    static final ObjectMapper JSON = new ObjectMapper()
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private final List<TerrainEvent> events = new ArrayList<>();
    private final Path file;
    private BufferedWriter writer;
    private IOException writeFailure;

    /** @param file JSON Lines file to append to, or null for none */
    EventLog(Path file) {
        this.file = file;
    }

    /** Opens the JSON Lines file for appending, creating it: fails early with its name. */
    void open() {
        if (file == null || writer != null) {
            return;
        }
        try {
            writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the events file " + file + ": " + e.getMessage(), e);
        }
    }

    void add(TerrainEvent event) {
        events.add(event);
        if (event.type() == EventType.WARNING) {
            LOG.warn("iteration {} epoch {}: {}", event.iteration(), event.epoch(), event.message());
        } else {
            LOG.info("iteration {} epoch {}: {} {}", event.iteration(), event.epoch(), event.type(), event.message());
        }
        write(event);
    }

    private void write(TerrainEvent event) {
        if (writer == null || writeFailure != null) {
            return;
        }
        try {
            writer.write(JSON.writeValueAsString(event));
            writer.newLine();
            writer.flush();
        } catch (IOException e) {
            // Training goes on; the failure is reported once and kept for writeFailure().
            writeFailure = e;
            LOG.error("cannot write events to {}; events stay in memory only: {}", file, e.toString());
        }
    }

    List<TerrainEvent> events() {
        return Collections.unmodifiableList(events);
    }

    IOException writeFailure() {
        return writeFailure;
    }

    void close() {
        if (writer != null) {
            try {
                writer.close();
            } catch (IOException e) {
                writeFailure = writeFailure == null ? e : writeFailure;
            }
            writer = null;
        }
    }
}
