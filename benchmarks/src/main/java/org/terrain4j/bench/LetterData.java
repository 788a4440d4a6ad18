package org.terrain4j.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.terrain4j.data.DatasetSplit;

/**
 * UCI's letter recognition data (Frey and Slate 1991, CC BY 4.0): 20000 letter images as 16
 * integer features from 0 to 15, 26 classes. Debian ships it in r-cran-mlbench as an R data file;
 * {@code benchmarks/run learning-rate-control} converts it to CSV with R once and passes the file
 * as the system property {@value #PROPERTY}. The first 10000 rows train, UCI's last 4000 (its
 * test part) validate, the 6000 between are the test set (unused); features are scaled to [0, 1].
 */
final class LetterData {

    /** The system property naming the CSV file. */
    static final String PROPERTY = "terrain.letters";
    static final int CLASSES = 26;
    private static final int FEATURES = 16;
    private static final int ROWS = 20000;
    private static final int TRAIN = 10000;
    private static final int VALIDATION_START = 16000;

    private LetterData() {
    }

    /** Reads the CSV the property names. */
    static DatasetSplit load() {
        String location = System.getProperty(PROPERTY);
        if (location == null) {
            throw new IllegalStateException("the letters workload needs -D" + PROPERTY
                    + "=FILE (benchmarks/run learning-rate-control makes it from Debian's r-cran-mlbench)");
        }
        return load(Path.of(location));
    }

    /** Reads {@code file}: a header, then a quoted letter and 16 numbers a row, 20000 rows. */
    static DatasetSplit load(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the letters data " + file + ": " + e.getMessage(), e);
        }
        if (lines.size() != ROWS + 1) {
            throw new IllegalStateException("the letters data " + file + " has " + (lines.size() - 1)
                    + " rows, expected " + ROWS);
        }
        float[][] features = new float[ROWS][FEATURES];
        float[][] labels = new float[ROWS][CLASSES];
        for (int r = 0; r < ROWS; r++) {
            String[] fields = lines.get(r + 1).split(",");
            String letter = fields[0].replace("\"", "");
            if (fields.length != FEATURES + 1 || letter.length() != 1 || letter.charAt(0) < 'A' || letter.charAt(0) > 'Z') {
                throw new IllegalStateException("the letters data " + file + ", line " + (r + 2)
                        + ": expected a letter A-Z and " + FEATURES + " numbers, got '" + lines.get(r + 1) + "'");
            }
            labels[r][letter.charAt(0) - 'A'] = 1;
            for (int f = 0; f < FEATURES; f++) {
                features[r][f] = Float.parseFloat(fields[f + 1]) / 15f;
            }
        }
        List<String> names = IntStream.range(0, CLASSES).mapToObj(c -> String.valueOf((char) ('A' + c))).toList();
        return new DatasetSplit("letters", rows(features, labels, 0, TRAIN), rows(features, labels, VALIDATION_START, ROWS),
                rows(features, labels, TRAIN, VALIDATION_START), FEATURES, names,
                "UCI letter recognition: rows 1-10000 train, 16001-20000 validate (UCI's test part), the rest test");
    }

    private static DataSet rows(float[][] features, float[][] labels, int from, int to) {
        return new DataSet(Nd4j.create(java.util.Arrays.copyOfRange(features, from, to)).castTo(DataType.FLOAT),
                Nd4j.create(java.util.Arrays.copyOfRange(labels, from, to)).castTo(DataType.FLOAT));
    }
}
