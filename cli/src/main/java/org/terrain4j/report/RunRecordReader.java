package org.terrain4j.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.terrain4j.listeners.RunDirectory;

/**
 * Reads a training run's files ({@link RunDirectory}) for a report, refusing what is not whole:
 * a missing, empty or oversized file, a line that is not a Terrain event (a truncated last line
 * included), a CSV whose header is not the listener's or whose row has the wrong number of cells.
 * Each refusal is one {@link ReportInputException} line naming the file and the line.
 */
public final class RunRecordReader {

    /** Largest file read: a run of ten million iterations writes far less. */
    static final long MAX_BYTES = 256L << 20;
    private static final String FIXED_HEADER = "iteration,epoch,loss,gradient_norm,noise_scale,batch_size,"
            + "lambda_min,lambda_max,trace,monitored";
    private static final ObjectMapper JSON = new ObjectMapper();

    private RunRecordReader() {
    }

    /**
     * Reads a run directory, or an events file with the statistics file beside it.
     *
     * @param path a directory holding {@value RunDirectory#EVENTS} and {@value RunDirectory#STATISTICS},
     *             or an events file
     */
    public static RunRecord read(Path path) {
        Path events;
        Path directory;
        if (Files.isDirectory(path)) {
            directory = path;
            events = new RunDirectory(path).events();
        } else {
            requireFile(path);
            directory = path.toAbsolutePath().getParent();
            events = path;
        }
        return new RunRecord(name(directory), readStatistics(new RunDirectory(directory).statistics()),
                readEvents(events));
    }

    private static String name(Path directory) {
        Path name = directory.toAbsolutePath().normalize().getFileName();
        return name == null ? "training run" : name.toString();
    }

    private static void requireFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ReportInputException(file + ": no such file");
        }
        try {
            long size = Files.size(file);
            if (size == 0) {
                throw new ReportInputException(file + ": the file is empty");
            }
            if (size > MAX_BYTES) {
                throw new ReportInputException(file + ": " + size + " bytes, more than a report reads ("
                        + MAX_BYTES + ")");
            }
        } catch (IOException e) {
            throw new ReportInputException(file + ": cannot read it: " + e.getMessage());
        }
    }

    private static List<String> lines(Path file) {
        requireFile(file);
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (!text.endsWith("\n")) {
                throw new ReportInputException(file + ": the last line is cut short (truncated file?)");
            }
            return text.lines().toList();
        } catch (java.nio.charset.MalformedInputException e) {
            throw new ReportInputException(file + ": not UTF-8 text, not a file Terrain writes");
        } catch (IOException e) {
            throw new ReportInputException(file + ": cannot read it: " + e.getMessage());
        }
    }

    static List<JsonNode> readEvents(Path file) {
        List<String> lines = lines(file);
        List<JsonNode> events = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            JsonNode event;
            try {
                event = JSON.readTree(lines.get(i));
            } catch (JsonProcessingException e) {
                throw new ReportInputException(file + ": line " + (i + 1) + " is not JSON (truncated file?)");
            }
            if (event == null || !event.isObject() || !event.path("type").isTextual()
                    || !event.path("iteration").canConvertToLong() || !event.path("message").isTextual()) {
                throw new ReportInputException(file + ": line " + (i + 1)
                        + " is not a Terrain event (needs type, iteration and message)");
            }
            events.add(event);
        }
        return events;
    }

    static Map<String, double[]> readStatistics(Path file) {
        List<String> lines = lines(file);
        String header = lines.get(0);
        if (!header.startsWith(FIXED_HEADER)) {
            throw new ReportInputException(file + ": line 1 is not the header of Terrain's statistics file ("
                    + FIXED_HEADER + ",lr:...)");
        }
        String[] names = header.split(",", -1);
        double[][] values = new double[names.length][lines.size() - 1];
        for (int row = 1; row < lines.size(); row++) {
            String[] cells = lines.get(row).split(",", -1);
            if (cells.length != names.length) {
                throw new ReportInputException(file + ": line " + (row + 1) + " has " + cells.length
                        + " cells where the header has " + names.length + " (truncated file?)");
            }
            for (int c = 0; c < cells.length; c++) {
                values[c][row - 1] = cell(file, row + 1, names[c], cells[c]);
            }
        }
        Map<String, double[]> columns = new LinkedHashMap<>();
        for (int c = 0; c < names.length; c++) {
            columns.put(names[c], values[c]);
        }
        return columns;
    }

    private static double cell(Path file, int line, String column, String text) {
        if (text.isEmpty()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new ReportInputException(file + ": line " + line + ", column " + column + ": '"
                    + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "' is not a number");
        }
    }
}
