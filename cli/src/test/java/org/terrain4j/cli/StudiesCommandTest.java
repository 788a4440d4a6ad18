package org.terrain4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.terrain4j.study.store.Direction;
import org.terrain4j.study.store.JdbcStudyStore;
import org.terrain4j.study.store.StoreLocation;
import org.terrain4j.study.store.StudyDefinition;
import org.terrain4j.study.store.StudyStore;
import org.terrain4j.study.store.TrialDecision;
import org.terrain4j.study.store.TrialState;

/** {@code terrain studies show|report} on a real SQLite store. */
class StudiesCommandTest {

    @TempDir
    Path folder;

    private String store;

    @BeforeEach
    void aStudyWithADecision() {
        store = "sqlite:" + folder.resolve("studies.db");
        try (StudyStore s = JdbcStudyStore.open(StoreLocation.parse(store))) {
            s.open(new StudyDefinition("s", "Space [A]", Direction.MAXIMIZE, "tpe", 7));
            s.start("s", new double[] {0.5}, "{\"lr\": 0.1}", "host:1");
            s.report("s", 0, 1, 0.8);
            s.recordDecisions("s", 0, List.of(new TrialDecision(2, 90, "LEARNING_RATE_SCALED", "PLATEAU", 0.1, 0.03,
                    "stationary at this rate's noise floor")));
            s.finish("s", 0, TrialState.COMPLETE, 0.8, null);
        }
    }

    @Test
    void showListsEachTrialsDecisionsUnderIt() {
        CommandLineRun cli = new CommandLineRun();

        assertThat(cli.run("studies", "show", "s", "--storage", store)).as(cli.err.toString()).isZero();

        assertThat(cli.out.toString()).contains("{\"lr\": 0.1}" + System.lineSeparator()
                + "       Terrain: e2 0.100->0.0300" + System.lineSeparator())
                .containsPattern("ran on \\{\"terrain\":\"[^\"]+\",\"dl4j\":\"[^\"]+\",\"java\":\"[^\"]+\",\"os\":\"[^\"]+\"}: 1 trial\\(s\\)");
    }

    @Test
    void reportWritesThePageAndRefusesAMissingStudyOrABadName() {
        CommandLineRun cli = new CommandLineRun();
        Path page = folder.resolve("s.html");

        assertThat(cli.run("studies", "report", "s", "--storage", store, "--output", page.toString())).isZero();
        assertThat(cli.out.toString()).isEqualTo("Report: " + page + System.lineSeparator());
        assertThat(page).exists();

        CommandLineRun missing = new CommandLineRun();
        assertThat(missing.run("studies", "report", "nope", "--storage", store)).isEqualTo(2);
        assertThat(missing.err.toString()).startsWith("terrain: no study 'nope' in sqlite:");

        CommandLineRun bad = new CommandLineRun();
        assertThat(bad.run("studies", "report", "../x", "--storage", store)).isEqualTo(2);
        assertThat(bad.err.toString()).startsWith("terrain: study name '../x' is not 1 to 100 letters");
    }
}
