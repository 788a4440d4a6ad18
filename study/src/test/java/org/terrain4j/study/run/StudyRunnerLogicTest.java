package org.terrain4j.study.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.deeplearning4j.arbiter.optimize.api.termination.MaxCandidatesCondition;
import org.deeplearning4j.arbiter.optimize.config.OptimizationConfiguration;
import org.junit.jupiter.api.Test;
import org.terrain4j.search.arbiter.GeneratorExhaustedCondition;
import org.terrain4j.search.arbiter.TpeSearchGenerator;
import org.terrain4j.study.store.InMemoryStudyStore;
import org.terrain4j.study.store.StoredTrial;
import org.terrain4j.study.store.StudyStore;
import org.terrain4j.study.store.TrialState;
import org.terrain4j.study.testing.FunctionSearch;

/** The study runner's own logic on the in-memory store, with trials that train nothing (no DL4J). */
class StudyRunnerLogicTest {

    private static OptimizationConfiguration configuration(int trials) {
        return new OptimizationConfiguration.Builder()
                .candidateGenerator(TpeSearchGenerator.builder(FunctionSearch.space())
                        .scoreFunction(new FunctionSearch.Minimize()).seed(11).build())
                .dataSource(FunctionSearch.NoData.class, new java.util.Properties())
                .scoreFunction(new FunctionSearch.Minimize())
                .terminationConditions(new MaxCandidatesCondition(trials), new GeneratorExhaustedCondition()).build();
    }

    private static void run(StudyStore store, int trials) {
        StudyRunner.builder(configuration(trials)).store(store).study("branin").taskCreator(new FunctionSearch.Tasks())
                .build().execute();
    }

    @Test
    void aResumedStudyGoesOnNumberingWithoutRepeatingAPointAndRecordsFailures() {
        StudyStore store = new InMemoryStudyStore("logic-" + System.nanoTime());
        run(store, 12);
        List<StoredTrial> first = store.trials("branin");
        run(store, 30);
        List<StoredTrial> all = store.trials("branin");

        assertThat(first).hasSize(12);
        assertThat(all).hasSize(30).extracting(StoredTrial::number).containsExactlyElementsOf(
                java.util.stream.IntStream.range(0, 30).boxed().toList());
        assertThat(all.subList(0, 12)).usingRecursiveFieldByFieldElementComparator().containsExactlyElementsOf(first);
        Set<String> points = new HashSet<>();
        for (StoredTrial t : all) {
            assertThat(points.add(Arrays.toString(t.point()))).as("trial %d's point is new", t.number()).isTrue();
            if (t.state() == TrialState.FAILED) {
                assertThat(t.reason()).contains("out of the model's reach");
            } else {
                assertThat(t.state()).isEqualTo(TrialState.COMPLETE);
            }
        }
        assertThat(all).as("some trial failed, and the search went on").anyMatch(t -> t.state() == TrialState.FAILED);
        double bestFirst = first.stream().filter(t -> t.score() != null).mapToDouble(StoredTrial::score).min().orElseThrow();
        double best = all.stream().filter(t -> t.score() != null).mapToDouble(StoredTrial::score).min().orElseThrow();
        assertThat(best).as("the resumed search learned from the first part").isLessThanOrEqualTo(bestFirst).isLessThan(10.0);
    }
}
