package org.terrain4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The letters CSV as benchmarks/run writes it (R's write.csv of the 16 features and the class
 * index): the fixed split, the one-hot labels and the scaling; a short file and a value out of
 * range are one-line errors naming the file.
 */
class LettersTest {

    @TempDir
    Path folder;

    /** {@code rows} rows: row r is class r mod 26, every feature r mod 16. */
    private Path csv(int rows, String badLine) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("\"x.box\",\"y.box\",\"width\",\"high\",\"onpix\",\"x.bar\",\"y.bar\",\"x2bar\",\"y2bar\","
                + "\"xybar\",\"x2ybr\",\"xy2br\",\"x.ege\",\"xegvy\",\"y.ege\",\"yegvx\",\"label\"");
        for (int r = 0; r < rows; r++) {
            StringBuilder line = new StringBuilder();
            for (int f = 0; f < 16; f++) {
                line.append(r % 16).append(',');
            }
            lines.add(line.append(r % 26).toString());
        }
        if (badLine != null) {
            lines.set(5, badLine);
        }
        Path file = folder.resolve("letters.csv");
        Files.write(file, lines);
        return file;
    }

    @Test
    void theFirstTenThousandRowsTrainAndUciLastFourThousandValidate() throws IOException {
        DatasetSplit split = Datasets.letters(csv(20000, null));
        assertThat(split.sizes()).containsExactly(10000, 4000, 6000);
        assertThat(split.classNames()).hasSize(26).startsWith("A", "B");
        assertThat(split.numFeatures()).isEqualTo(16);
        // validation row 0 is file row 16000: class 16000 mod 26 = 10
        assertThat(split.validation().getLabels().getRow(0).argMax().getInt(0)).isEqualTo(16000 % 26);
        assertThat(split.test().getLabels().getRow(0).argMax().getInt(0)).isEqualTo(10000 % 26);
        assertThat(split.train().getFeatures().getDouble(15, 0)).isCloseTo(1.0, within(1e-6)); // 15 / 15
        assertThat(split.train().getFeatures().getDouble(7, 3)).isCloseTo(7 / 15.0, within(1e-6));
    }

    @Test
    void aShortFileOrAValueOutOfRangeIsAnErrorNamingTheFile() throws IOException {
        Path shortFile = csv(100, null);
        assertThatThrownBy(() -> Datasets.letters(shortFile)).isInstanceOf(DataLoadException.class)
                .hasMessage(shortFile + ": truncated: expected 20000 rows, found 100");
        Path bad = csv(20000, "16,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0");
        assertThatThrownBy(() -> Datasets.letters(bad)).isInstanceOf(DataLoadException.class)
                .hasMessage(bad + ": line 6, column 1: value 16 outside [0.0, 15.0]");
    }
}
