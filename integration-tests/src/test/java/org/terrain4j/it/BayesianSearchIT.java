package org.terrain4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.terrain4j.searchdemo.DigitsSearch;
import org.terrain4j.searchdemo.GeneratorKind;
import org.terrain4j.searchdemo.TrialRecord;
import org.terrain4j.searchdemo.TrialTable;

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

    private static double[] bestScores(GeneratorKind kind) {
        double[] best = new double[SEEDS.length];
        for (int s = 0; s < SEEDS.length; s++) {
            TrialTable table = new TrialTable(new PrintWriter(new StringWriter()));
            new DigitsSearch(kind, TRIALS, SEEDS[s], EPOCHS, 1).run(table);
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
        new DigitsSearch(GeneratorKind.TPE, 8, 5, 2, 2).run(table);
        assertThat(table.records()).as("Arbiter may start one more than the maximum with 2 in parallel")
                .hasSizeBetween(8, 9).allMatch(TrialRecord::complete);
        assertThat(table.best().orElseThrow().score()).isGreaterThan(0.5);
    }
}
