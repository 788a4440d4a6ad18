package org.terrain4j.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.terrain4j.study.store.Direction;
import org.terrain4j.study.store.JdbcStudyStore;
import org.terrain4j.study.store.StoreLocation;
import org.terrain4j.study.store.StudyDefinition;
import org.terrain4j.study.store.StudyStore;
import org.terrain4j.study.store.TrialDecision;
import org.terrain4j.study.store.TrialState;

/** A study's report data from a real SQLite store. */
class StudyReportTest {

    @TempDir
    Path folder;

    @Test
    void theDataCarriesEveryTrialItsStepsItsDecisionsAndTheParametersRankCorrelations() throws Exception {
        StudyDefinition definition = new StudyDefinition("s", "Space [ContinuousParameterSpace(min=0.001,max=1); "
                + "fixed FixedValue(10); IntegerParameterSpace(min=16,max=256)]", Direction.MAXIMIZE, "tpe", 7);
        try (StudyStore store = JdbcStudyStore.open(StoreLocation.parse("sqlite:" + folder.resolve("s.db")))) {
            StudyDefinition study = store.open(definition);
            for (int i = 0; i < 5; i++) {
                // the score rises with the first coordinate and ignores the second (which goes up and down)
                store.start("s", new double[] {0.1 * i, i % 2 == 0 ? 0.9 : 0.1}, "{\"n\": " + i + "}", "host:1");
                store.report("s", i, 1, i == 1 ? 0.62 : 0.5 + 0.05 * i);
                if (i == 1) {
                    store.finish("s", i, TrialState.PRUNED, 0.62, "below the median");
                } else {
                    store.report("s", i, 2, 0.6 + 0.05 * i);
                    store.finish("s", i, TrialState.COMPLETE, 0.6 + 0.05 * i, null);
                }
            }
            store.recordDecisions("s", 3, List.of(new TrialDecision(2, 90, "LEARNING_RATE_SCALED", "PLATEAU", 0.1, 0.03,
                    "stationary at this rate's noise floor")));

            Map<String, Object> data = StudyReport.data(study, store.trials("s"), store.decisions("s"));

            assertThat(data.get("parameters")).isEqualTo(List.of("ContinuousParameterSpace(min=0.001,max=1)",
                    "IntegerParameterSpace(min=16,max=256)"));
            double[] importance = (double[]) data.get("importance");
            assertThat(importance[0]).isCloseTo(1, within(1e-12));
            assertThat(importance[1]).isLessThan(0.5);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> trials = (List<Map<String, Object>>) data.get("trials");
            assertThat(trials).hasSize(5);
            assertThat(trials.get(1).get("state")).isEqualTo("PRUNED");
            assertThat(trials.get(1).get("intermediate")).isEqualTo(List.of(0.62));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> decisions = (List<Map<String, Object>>) trials.get(3).get("decisions");
            assertThat(decisions).singleElement().satisfies(d -> assertThat(d.get("summary")).isEqualTo("e2 0.100->0.0300"));

            Path page = folder.resolve("s.html");
            StudyReport.write(study, store.trials("s"), store.decisions("s"), page);
            assertThat(Files.readString(page)).contains("\"summary\":\"e2 0.100->0.0300\"").doesNotContain("{{");
        }
    }

    @Test
    void coordinatesAreNumberedWhenTheSpaceDoesNotNameOnePerCoordinate() {
        assertThat(StudyReport.parameterNames("Space [A; B; C]", 2)).containsExactly("x1", "x2");
        assertThat(StudyReport.parameterNames("no leaves", 1)).containsExactly("x1");
        assertThat(StudyReport.ranks(new double[] {3, 1, 3, 2})).containsExactly(3.5, 1, 3.5, 2);
    }
}
