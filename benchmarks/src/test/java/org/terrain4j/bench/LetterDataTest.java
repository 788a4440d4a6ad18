package org.terrain4j.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.terrain4j.data.DatasetSplit;

/**
 * The letters CSV as R's write.csv leaves it: the split, the one-hot labels and the scaled
 * features; a missing file, a short file and a bad line are one-line errors naming the file.
 */
class LetterDataTest {

    @TempDir
    Path folder;

    /** 20000 rows: row r is letter r mod 26, every feature (r mod 16). */
    private Path csv(int rows, String badLine) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("\"lettr\",\"x.box\",\"y.box\",\"width\",\"high\",\"onpix\",\"x.bar\",\"y.bar\",\"x2bar\",\"y2bar\","
                + "\"xybar\",\"x2ybr\",\"xy2br\",\"x.ege\",\"xegvy\",\"y.ege\",\"yegvx\"");
        for (int r = 0; r < rows; r++) {
            StringBuilder line = new StringBuilder("\"" + (char) ('A' + r % 26) + "\"");
            for (int f = 0; f < 16; f++) {
                line.append(',').append(r % 16);
            }
            lines.add(line.toString());
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
        DatasetSplit split = LetterData.load(csv(20000, null));
        assertThat(split.sizes()).containsExactly(10000, 4000, 6000);
        assertThat(split.numClasses()).isEqualTo(26);
        assertThat(split.numFeatures()).isEqualTo(16);
        // validation row 0 is file row 16000: letter 16000 mod 26 = 10 (K), features 16000 mod 16 = 0
        assertThat(split.validation().getLabels().getRow(0).argMax().getInt(0)).isEqualTo(16000 % 26);
        assertThat(split.train().getLabels().getRow(3).sumNumber().doubleValue()).isEqualTo(1.0);
        assertThat(split.train().getFeatures().getDouble(15, 0)).isCloseTo(1.0, within(1e-6)); // 15 / 15
        assertThat(split.train().getFeatures().getDouble(7, 3)).isCloseTo(7 / 15.0, within(1e-6));
    }

    @Test
    void aShortFileOrABadLineIsAnErrorNamingTheFileAndLine() throws IOException {
        Path shortFile = csv(100, null);
        assertThatThrownBy(() -> LetterData.load(shortFile)).isInstanceOf(IllegalStateException.class)
                .hasMessage("the letters data " + shortFile + " has 100 rows, expected 20000");
        Path bad = csv(20000, "\"a\",1,2");
        assertThatThrownBy(() -> LetterData.load(bad)).isInstanceOf(IllegalStateException.class)
                .hasMessage("the letters data " + bad + ", line 6: expected a letter A-Z and 16 numbers, got '\"a\",1,2'");
        Path missing = folder.resolve("nowhere.csv");
        assertThatThrownBy(() -> LetterData.load(missing)).isInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith("cannot read the letters data " + missing);
    }
}
