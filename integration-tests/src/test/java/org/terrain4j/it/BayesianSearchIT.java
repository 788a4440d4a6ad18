package org.terrain4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.terrain4j.demo.DemoDataset;
import org.terrain4j.searchdemo.DemoSearch;
import org.terrain4j.searchdemo.GeneratorKind;
import org.terrain4j.searchdemo.StudySettings;
import org.terrain4j.searchdemo.TrialRecord;
import org.terrain4j.searchdemo.TrialTable;
import org.terrain4j.study.store.StoreLocation;

/**
 * Real Arbiter searches on the digits network, trained through Terrain's task creator: the
 * Bayesian generator's best validation accuracy, median over a fixed set of seeds, beats the
 * median of Arbiter's random search at the same budget; every trial completes; the TPE
 * generator runs the same search end to end.
 */
class BayesianSearchIT {

    private static final long[] SEEDS = {1, 2, 3, 4, 5};
    private static final int TRIALS = 20;
    private static final int EPOCHS = 3;

    @TempDir
    static Path folder;

    /** A new study in a SQLite file of the test's folder, no pruning. */
    static StudySettings newStudy(String name) {
        return new StudySettings(StoreLocation.parse("sqlite:" + folder.resolve("studies.db")), name, false, "none", 0, null);
    }

    private static double[] bestScores(GeneratorKind kind) {
        double[] best = new double[SEEDS.length];
        for (int s = 0; s < SEEDS.length; s++) {
            TrialTable table = new TrialTable(new PrintWriter(new StringWriter()));
            new DemoSearch(DemoDataset.DIGITS, kind, TRIALS, SEEDS[s], EPOCHS, 1).run(table, newStudy(kind + "-" + SEEDS[s]));
            assertThat(table.records()).as("%s seed %d", kind, SEEDS[s]).hasSize(TRIALS).allMatch(TrialRecord::complete);
            best[s] = table.best().orElseThrow().score();
        }
        return best;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    @Test
    void bayesianSearchBeatsTheMedianOfRandomSearchAtEqualBudget() {
        double[] bayesian = bestScores(GeneratorKind.BAYESIAN);
        double[] random = bestScores(GeneratorKind.RANDOM);
        assertThat(median(bayesian)).as("Bayesian %s vs random %s", Arrays.toString(bayesian), Arrays.toString(random))
                .isGreaterThan(median(random));
    }

    @Test
    void tpeSearchCompletesEveryTrial() {
        TrialTable table = new TrialTable(new PrintWriter(new StringWriter()));
        new DemoSearch(DemoDataset.DIGITS, GeneratorKind.TPE, 8, 5, 2, 2).run(table, newStudy("tpe"));
        assertThat(table.records()).hasSize(8).allMatch(TrialRecord::complete);
        assertThat(table.best().orElseThrow().score()).isGreaterThan(0.5);
    }
}
