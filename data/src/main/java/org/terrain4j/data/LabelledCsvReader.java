package org.terrain4j.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads a labelled CSV file that must match a {@link CsvSpec} exactly: the right number of
 * rows and columns, numbers in range, labels in range. Any deviation is a
 * {@link DataLoadException} naming the source, the line and what is wrong.
 */
final class LabelledCsvReader {

    private LabelledCsvReader() {
    }

    static LabelledSamples read(DataSource source, CsvSpec spec) {
        float[][] features = new float[spec.rows()][];
        int[] labels = new int[spec.rows()];
        int rows = 0;
        int lineNumber = 0;
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(source.open(), StandardCharsets.UTF_8))) {
            String line;
            int longest = maxLineLength(spec);
            while ((line = readLine(reader, longest, source, lineNumber + 1)) != null) {
                lineNumber++;
                if (lineNumber <= spec.headerLines() || line.isBlank()) {
                    continue;
                }
                if (rows == spec.rows()) {
                    throw new DataLoadException(source.name(), "expected " + spec.rows()
                            + " rows, found more (line " + lineNumber + ")");
                }
                parseRow(source, spec, line, lineNumber, features, labels, rows);
                rows++;
            }
        } catch (IOException e) {
            throw source.failure(e);
        } catch (UncheckedIOException e) {
            throw source.failure(e);
        }
        if (rows != spec.rows()) {
            throw new DataLoadException(source.name(),
                    "truncated: expected " + spec.rows() + " rows, found " + rows);
        }
        return new LabelledSamples(features, labels, spec.classes());
    }

    /** The longest line read: 64 characters a column and 1024 more, far beyond any row of the spec. */
    static int maxLineLength(CsvSpec spec) {
        return 64 * (spec.features() + 1) + 1024;
    }

    /**
     * The next line without its end ({@code \n}, {@code \r\n}), or null at the end; a line longer
     * than {@code longest} is an error rather than a string that grows until memory runs out (a
     * file without line ends, {@code /dev/zero}).
     */
    private static String readLine(BufferedReader reader, int longest, DataSource source, int lineNumber)
            throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = reader.read()) >= 0 && c != '\n') {
            if (line.length() == longest) {
                throw new DataLoadException(source.name(), "line " + lineNumber + " is longer than " + longest
                        + " characters (is it a CSV file with line ends?)");
            }
            line.append((char) c);
        }
        if (c < 0 && line.length() == 0) {
            return null;
        }
        int end = line.length();
        return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
    }

    private static void parseRow(DataSource source, CsvSpec spec, String line, int lineNumber,
                                 float[][] features, int[] labels, int row) {
        String[] cells = line.split(",", -1);
        if (cells.length != spec.features() + 1) {
            throw new DataLoadException(source.name(), "line " + lineNumber + ": expected "
                    + (spec.features() + 1) + " columns, found " + cells.length);
        }
        float[] values = new float[spec.features()];
        for (int j = 0; j < spec.features(); j++) {
            float value = parseNumber(source, cells[j], lineNumber, j + 1);
            if (!(value >= spec.featureMin() && value <= spec.featureMax())) {
                throw new DataLoadException(source.name(), "line " + lineNumber + ", column "
                        + (j + 1) + ": value " + cells[j].trim() + " outside ["
                        + spec.featureMin() + ", " + spec.featureMax() + "]");
            }
            values[j] = value * spec.scale();
        }
        float label = parseNumber(source, cells[spec.features()], lineNumber, spec.features() + 1);
        if (label != Math.rint(label) || label < 0 || label >= spec.classes()) {
            throw new DataLoadException(source.name(), "line " + lineNumber + ": label "
                    + cells[spec.features()].trim() + " is not a class in [0, "
                    + (spec.classes() - 1) + "]");
        }
        features[row] = values;
        labels[row] = (int) label;
    }

    private static float parseNumber(DataSource source, String cell, int lineNumber, int column) {
        try {
            return Float.parseFloat(cell.trim());
        } catch (NumberFormatException e) {
            throw new DataLoadException(source.name(), "line " + lineNumber + ", column " + column
                    + ": '" + cell.trim() + "' is not a number");
        }
    }
}
