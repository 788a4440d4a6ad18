package org.terrain4j.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * What one training run left behind, as read from its files: the statistics rows by column
 * (NaN where a row has no value) and the events, oldest first, as written.
 *
 * @param name what the report calls the run (its directory's name)
 * @param columns each statistics column by its CSV header name, in file order; the per-layer
 *                learning rates are the columns named {@code lr:LAYER}
 * @param events the events file's objects
 */
public record RunRecord(String name, Map<String, double[]> columns, List<JsonNode> events) {

    /** Prefix of the per-layer learning-rate columns. */
    public static final String RATE_PREFIX = "lr:";

    /** Copies the collections (the arrays are the reader's own). */
    public RunRecord {
        columns = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(columns));
        events = List.copyOf(events);
    }

    /** The number of statistics rows. */
    public int rows() {
        return columns.isEmpty() ? 0 : columns.values().iterator().next().length;
    }
}
