package org.terrain4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.dataset.DataSet;

class DigitsTest {

    @TempDir
    Path folder;

    @Test
    void bundledDigitsSplitIntoAllSamplesScaledToUnitRange() {
        DatasetSplit digits = Datasets.digits(42);

        assertThat(digits.sizes()).containsExactly(1078, 359, 360);
        assertThat(digits.numFeatures()).isEqualTo(64);
        assertThat(digits.numClasses()).isEqualTo(10);
        for (DataSet part : new DataSet[] {digits.train(), digits.validation(), digits.test()}) {
            assertThat(part.getFeatures().minNumber().doubleValue()).isGreaterThanOrEqualTo(0.0);
            assertThat(part.getFeatures().maxNumber().doubleValue()).isLessThanOrEqualTo(1.0);
            assertThat(part.getLabels().sum(1).minNumber().doubleValue()).isEqualTo(1.0);
        }
        assertThat(digits.train().getFeatures().maxNumber().doubleValue()).isEqualTo(1.0);
    }

    @Test
    void sameSeedGivesSameSplit() {
        assertThat(Datasets.digits(3).test().getFeatures())
                .isEqualTo(Datasets.digits(3).test().getFeatures())
                .isNotEqualTo(Datasets.digits(4).test().getFeatures());
    }

    @Test
    void readsAFileGivenByPath() throws IOException {
        Path copy = GzipFiles.writeGzip(folder.resolve("digits.csv.gz"), bundledText());

        assertThat(Datasets.digits(copy, 42).train().getFeatures())
                .isEqualTo(Datasets.digits(42).train().getFeatures());
    }

    @Test
    void truncatedGzipIsNamedAsTruncated() throws IOException {
        Path file = GzipFiles.writeGzip(folder.resolve("digits.csv.gz"), bundledText());
        GzipFiles.truncate(file, (int) Files.size(file) / 2);

        assertThatThrownBy(() -> Datasets.digits(file, 42))
                .isInstanceOf(DataLoadException.class)
                .hasMessage(file + ": truncated: the gzip stream ends early");
    }

    @Test
    void fewerRowsThanTheDatasetHasIsAnError() throws IOException {
        String half = String.join("\n", bundledText().lines().limit(1200).toList());
        Path file = GzipFiles.writeGzip(folder.resolve("digits.csv.gz"), half);

        assertThatThrownBy(() -> Datasets.digits(file, 42))
                .isInstanceOf(DataLoadException.class)
                .hasMessage(file + ": truncated: expected 1797 rows, found 1200");
    }

    @Test
    void aFileWithoutLineEndsIsAnErrorNotAnOutOfMemoryError() throws IOException {
        // As --data /dev/zero: NUL characters without end; 64 MB here, far beyond any line.
        Path file = folder.resolve("zeros.csv");
        try (var out = Files.newOutputStream(file)) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                out.write(zeros);
            }
        }

        assertThatThrownBy(() -> Datasets.digits(file, 42))
                .isInstanceOf(DataLoadException.class)
                .hasMessage(file + ": line 1 is longer than 5184 characters (is it a CSV file with line ends?)");
    }

    @Test
    void notGzipIsCorrupt() throws IOException {
        Path file = Files.writeString(folder.resolve("digits.csv.gz"), "0,1,2\n");

        assertThatThrownBy(() -> Datasets.digits(file, 42))
                .isInstanceOf(DataLoadException.class)
                .hasMessageStartingWith(file + ": corrupt gzip data (");
    }

    @Test
    void badCellsNameLineAndColumn() throws IOException {
        String text = bundledText();
        String[] lines = text.split("\n");
        lines[4] = lines[4].replaceFirst("^\\d+", "x");
        Path notNumber = GzipFiles.writeGzip(folder.resolve("a.csv.gz"), String.join("\n", lines));
        lines[4] = lines[4].replaceFirst("^x", "17");
        Path outOfRange = GzipFiles.writeGzip(folder.resolve("b.csv.gz"), String.join("\n", lines));
        lines[4] = lines[4].replaceFirst("^17,", "");
        Path shortRow = GzipFiles.writeGzip(folder.resolve("c.csv.gz"), String.join("\n", lines));

        assertThatThrownBy(() -> Datasets.digits(notNumber, 1))
                .hasMessage(notNumber + ": line 5, column 1: 'x' is not a number");
        assertThatThrownBy(() -> Datasets.digits(outOfRange, 1))
                .hasMessage(outOfRange + ": line 5, column 1: value 17 outside [0.0, 16.0]");
        assertThatThrownBy(() -> Datasets.digits(shortRow, 1))
                .hasMessage(shortRow + ": line 5: expected 65 columns, found 64");
    }

    @Test
    void missingFileIsNamed() {
        Path missing = folder.resolve("nope.csv.gz");

        assertThatThrownBy(() -> Datasets.digits(missing, 1))
                .isInstanceOf(DataLoadException.class)
                .hasMessage(missing + ": file not found");
    }

    static String bundledText() throws IOException {
        try (InputStream in = new GZIPInputStream(DataSource.class.getResourceAsStream(Digits.RESOURCE))) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
