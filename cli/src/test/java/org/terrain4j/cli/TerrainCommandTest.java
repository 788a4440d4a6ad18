package org.terrain4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerrainCommandTest {

    @TempDir
    Path folder;

    private final CommandLineRun cli = new CommandLineRun();
    private final java.io.StringWriter out = cli.out;
    private final java.io.StringWriter err = cli.err;

    private int run(String... args) {
        return cli.run(args);
    }

    @Test
    void versionNamesTerrainAndDl4j() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).startsWith("terrain 0.1.0-SNAPSHOT")
                .contains("Deeplearning4j 1.0.0-M2.1, Arbiter 1.0.0-beta7");
    }

    @Test
    void helpListsTheDemo() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("demo").contains("--version");
    }

    @Test
    void noSubcommandIsAUsageError() {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("terrain: a subcommand is required (see 'terrain --help')\n");
    }

    @Test
    void badOptionValuesAreOneLineUsageErrors() {
        assertThat(run("demo", "--dataset", "cifar")).isEqualTo(2);
        assertThat(err.toString()).hasLineCount(1).startsWith("terrain: Invalid value for option '--dataset'")
                .contains("cifar").endsWith("(see 'terrain demo --help')\n");
    }

    @Test
    void nonPositiveEpochsAreAUsageError() {
        assertThat(run("demo", "--epochs", "0")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo(
                "terrain: --epochs must be a positive number, got 0 (see 'terrain demo --help')\n");
    }

    @Test
    void corruptDataFileIsAOneLineFailureNamingTheFile() throws IOException {
        Path corrupt = Files.write(folder.resolve("digits.csv.gz"), new byte[] {0x1f, (byte) 0x8b, 8, 0, 1, 2});

        assertThat(run("demo", "--data", corrupt.toString(), "--no-progress")).isEqualTo(1);
        assertThat(err.toString()).hasLineCount(1)
                .startsWith("terrain: error: " + corrupt + ": ");
    }

    @Test
    void verboseAddsTheStackTrace() {
        Path missing = folder.resolve("missing.csv");

        assertThat(run("demo", "--dataset", "iris", "--data", missing.toString(), "--verbose")).isEqualTo(1);
        assertThat(err.toString()).startsWith("terrain: error: " + missing + ": file not found\n")
                .contains("org.terrain4j.data.DataLoadException").contains("\tat ");
    }

    @Test
    void demoTrainsAndPrintsTheTable() {
        assertThat(run("demo", "--dataset", "iris", "--epochs", "3", "--no-progress", "--seed", "5")).isZero();
        assertThat(out.toString())
                .contains("iris: 90 train / 30 validation / 30 test samples")
                .contains("run         | epochs | best val acc (epoch) | test acc | LR changes | why")
                .containsPattern("constant LR \\| 3      \\| 0\\.\\d{4} \\(\\d\\) ")
                .containsPattern("\nTerrain     \\| 3      \\| 0\\.\\d{4} \\(\\d\\) ");
    }

    @Test
    void searchTrainsOnTheDatasetItIsGiven() {
        String store = "sqlite:" + folder.resolve("studies.db");

        assertThat(run("search", "--dataset", "iris", "--generator", "random", "--trials", "2", "--epochs", "1",
                "--storage", store, "--models", folder.resolve("models").toString(), "--report", folder.toString())).isZero();
        assertThat(folder.resolve("iris-random-seed42.html")).exists();
        assertThat(out.toString()).contains("Report: " + folder.resolve("iris-random-seed42.html"));

        assertThat(out.toString()).startsWith("iris: random search, 2 trials of 1 epochs, seed 42; study "
                + "'iris-random-seed42'").contains("best: trial ").contains("(2 trials: 2 complete, 0 pruned, 0 failed)");
        // Iris's batch sizes: half to four times the demo's 16.
        assertThat(out.toString()).containsPattern("\"batchSize\": (8|16|32|64)}");
    }

    @Test
    void searchRefusesAnUnknownDataset() {
        assertThat(run("search", "--dataset", "cifar")).isEqualTo(2);
        assertThat(err.toString()).hasLineCount(1).startsWith("terrain: Invalid value for option '--dataset'")
                .contains("cifar");
    }

    @Test
    void searchRefusesAStudyNameThatIsNotASafeFolderName() {
        Path db = folder.resolve("studies.db");
        assertThat(run("search", "--storage", "sqlite:" + db, "--study", "../../x")).isEqualTo(2);
        assertThat(err.toString()).hasLineCount(1).contains("study name '../../x' is not 1 to 100 letters");
        assertThat(db).doesNotExist();
    }

    @Test
    void searchBoundsItsCountsAndItsLocalParallelism() {
        assertThat(run("search", "--epochs", "100000000")).isEqualTo(2);
        assertThat(err.toString()).hasLineCount(1).contains("--epochs must be from 1 to 10000, got 100000000");
        err.getBuffer().setLength(0);
        assertThat(run("search", "--parallel", "1000")).isEqualTo(2);
        int cores = Runtime.getRuntime().availableProcessors();
        assertThat(err.toString()).hasLineCount(1).contains("--parallel 1000 is more than 4 trials per core of this "
                + "machine's " + cores + " for --runner processes (at most " + 4 * cores + ")");
    }

    @Test
    void searchChecksItsTrialTimeLimit() {
        assertThat(run("search", "--trial-time-limit", "10")).isEqualTo(2);
        assertThat(err.toString()).hasLineCount(1).contains("'10' is not a duration such as 90s, 45m, 2h or 1d");
        err.getBuffer().setLength(0);
        assertThat(run("search", "--trial-time-limit", "400d", "--parallel", "2")).isEqualTo(2);
        assertThat(err.toString()).hasLineCount(1).contains("the trial time limit must be from 1 second to 365 days, got PT9600H");
        err.getBuffer().setLength(0);
        assertThat(run("search", "--trial-time-limit", "5m")).isEqualTo(2);
        assertThat(err.toString()).hasLineCount(1).contains("--trial-time-limit needs --runner processes (a trial on a "
                + "thread cannot be stopped safely), not --runner threads");
    }

    @Test
    void searchWithATimeLimitStopsStartingTrialsLongBeforeItsCap() {
        String store = "sqlite:" + folder.resolve("studies.db");

        assertThat(run("search", "--dataset", "iris", "--generator", "random", "--trials", "100000", "--epochs", "1",
                "--max-time", "2s", "--storage", store, "--models", folder.resolve("models").toString())).isZero();

        assertThat(out.toString()).startsWith("iris: random search, 100000 trials of 1 epochs (none started after 2 s), "
                + "seed 42").contains("best: trial ").doesNotContain("(100000 trials");
    }

    @Test
    void searchChecksItsTimeLimit() {
        assertThat(run("search", "--max-time", "0s")).isEqualTo(2);
        assertThat(err.toString()).hasLineCount(1).contains("--max-time must be from 1 second to 365 days, got PT0S");
        err.getBuffer().setLength(0);
        assertThat(run("search", "--max-time", "soon")).isEqualTo(2);
        assertThat(err.toString()).hasLineCount(1).contains("'soon' is not a duration such as 90s, 45m, 2h or 1d");
    }

    @Test
    void searchChecksItsCostExponentAndTheGeneratorItIsFor() {
        assertThat(run("search", "--cost-exponent", "-1")).isEqualTo(2);
        assertThat(err.toString()).hasLineCount(1).contains("--cost-exponent must be from 0 to 10, got -1.0");
        err.getBuffer().setLength(0);
        assertThat(run("search", "--generator", "mfgp", "--cost-exponent", "11")).isEqualTo(2);
        assertThat(err.toString()).hasLineCount(1).contains("--cost-exponent must be from 0 to 10, got 11.0");
        err.getBuffer().setLength(0);
        assertThat(run("search", "--generator", "tpe", "--cost-exponent", "0")).isEqualTo(2);
        assertThat(err.toString()).hasLineCount(1).contains("--cost-exponent is for --generator bayesian or mfgp, not tpe");
        err.getBuffer().setLength(0);
        assertThat(run("search", "--cost-exponent", "cheap")).isEqualTo(2);
        assertThat(err.toString()).hasLineCount(1).contains("--cost-exponent").contains("cheap");
    }

    @Test
    void searchChecksItsRefitGrowthAndTheGeneratorItIsFor() {
        assertThat(run("search", "--refit-growth", "0.5")).isEqualTo(2);
        assertThat(err.toString()).hasLineCount(1).contains("--refit-growth must be from 1 to 1.1, got 0.5");
        err.getBuffer().setLength(0);
        assertThat(run("search", "--generator", "mfgp", "--refit-growth", "2")).isEqualTo(2);
        assertThat(err.toString()).hasLineCount(1).contains("--refit-growth must be from 1 to 1.1, got 2.0");
        err.getBuffer().setLength(0);
        assertThat(run("search", "--generator", "random", "--refit-growth", "1.05")).isEqualTo(2);
        assertThat(err.toString()).hasLineCount(1).contains("--refit-growth is for --generator bayesian or mfgp, not random");
    }

    @Test
    void searchRefusesAModelFolderOfAnotherStudyBeforeTouchingAnything() throws IOException {
        Path models = Files.createDirectories(folder.resolve("models"));
        Files.writeString(models.resolve("best-model.json"), "{\"study\": \"theirs\", \"trial\": 2, \"score\": 0.9}");
        Path db = folder.resolve("studies.db");

        assertThat(run("search", "--storage", "sqlite:" + db, "--study", "mine", "--models", models.toString())).isEqualTo(2);
        assertThat(err.toString()).hasLineCount(1).contains("holds the best model of study 'theirs', not of 'mine'");
        assertThat(db).doesNotExist();
        assertThat(models.resolve("best-model.json")).content().contains("theirs");
    }
}
