package org.terrain4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.terrain4j.listeners.RunDirectory;

class ReportCommandTest {

    private static final String HEADER = "iteration,epoch,loss,gradient_norm,noise_scale,batch_size,lambda_min,"
            + "lambda_max,trace,monitored,lr:0";

    @TempDir
    Path run;

    @Test
    void writesThePageBesideTheRunAndSaysWhere() throws IOException {
        Files.writeString(run.resolve(RunDirectory.STATISTICS), HEADER + "\n10,0,2.3,1.5,,32,,,,,0.1\n20,0,2.1,1.4,40,32,,,,2.2,0.03\n");
        Files.writeString(run.resolve(RunDirectory.EVENTS), "{\"type\":\"LEARNING_RATE_SCALED\",\"iteration\":15,"
                + "\"epoch\":0,\"terrain\":\"PLATEAU\",\"message\":\"<b>stationary</b>\",\"learningRatesBefore\":{\"0\":0.1},"
                + "\"learningRatesAfter\":{\"0\":0.03}}\n");
        CommandLineRun cli = new CommandLineRun();

        assertThat(cli.run("report", run.toString())).as(cli.err.toString()).isZero();

        Path page = run.resolve("report.html");
        assertThat(cli.out.toString()).isEqualTo("Report: " + page + System.lineSeparator());
        // the message is data for the script (drawn with textContent), never markup in the page
        assertThat(Files.readString(page)).contains("\"message\":\"<b>stationary<\\/b>\"").doesNotContain("<b>stationary</b>");
    }

    @Test
    void aTruncatedStatisticsFileIsOneLineNamingItAndNoPage() throws IOException {
        Files.writeString(run.resolve(RunDirectory.STATISTICS), HEADER + "\n10,0,2.3,1.5,,32,,,,,0.1\n20,0,2.1");
        Files.writeString(run.resolve(RunDirectory.EVENTS), "");
        CommandLineRun cli = new CommandLineRun();

        assertThat(cli.run("report", run.toString())).isEqualTo(1);

        assertThat(cli.err.toString()).isEqualTo("terrain: error: " + run.resolve(RunDirectory.STATISTICS)
                + ": the last line is cut short (truncated file?)" + System.lineSeparator());
        assertThat(run.resolve("report.html")).doesNotExist();
    }

    @Test
    void anOutputInAMissingDirectoryIsAUsageError() {
        CommandLineRun cli = new CommandLineRun();

        assertThat(cli.run("report", run.toString(), "--output", run.resolve("no/such/page.html").toString())).isEqualTo(2);

        assertThat(cli.err.toString()).startsWith("terrain: --output " + run.resolve("no/such/page.html") + ": no directory");
    }
}
