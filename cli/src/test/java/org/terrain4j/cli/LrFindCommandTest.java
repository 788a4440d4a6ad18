package org.terrain4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LrFindCommandTest {

    @TempDir
    Path folder;

    private final CommandLineRun cli = new CommandLineRun();
    private final java.io.StringWriter out = cli.out;
    private final java.io.StringWriter err = cli.err;

    private int run(String... args) {
        return cli.run(args);
    }

    @Test
    void writesCurveAndPlotAndSuggestsARate() throws Exception {
        assertThat(run("lr-find", "--dataset", "iris", "--output-dir", folder.toString())).as(err.toString()).isZero();

        assertThat(out.toString()).startsWith("iris: swept 1.0e-07 to ")
                .containsPattern("suggested learning rate: \\S+ \\(steepest descent\\), \\S+ \\(minimum / 10\\)");
        Path csv = folder.resolve("lr-find-iris.csv");
        assertThat(Files.readAllLines(csv).get(0)).isEqualTo("rate,loss,smoothed_loss");
        assertThat(Files.readAllLines(csv)).hasSizeGreaterThan(3);
        byte[] png = Files.readAllBytes(folder.resolve("lr-find-iris.png"));
        assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    }

    @Test
    void aSweepLongerThanTheDataSaysHowToFixIt() {
        assertThat(run("lr-find", "--dataset", "iris", "--iterations", "50", "--output-dir", folder.toString()))
                .isEqualTo(1);
        assertThat(err.toString()).isEqualTo("terrain: error: the data has only 6 batches but the sweep needs 50 "
                + "iterations: sweep over 6 iterations (--iterations 6), or repeat the data (--repeat-data)\n");
    }

    @Test
    void badRangeIsAUsageError() {
        assertThat(run("lr-find", "--start", "1", "--end", "0.1")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("terrain: end learning rate must be finite and above start 1.0, got 0.1 "
                + "(see 'terrain lr-find --help')\n");
    }
}
