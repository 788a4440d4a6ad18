package org.terrain4j.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.terrain4j.control.Mode;
import org.terrain4j.control.PlateauOptions;
import org.terrain4j.control.ThresholdMode;
import org.terrain4j.data.DatasetSplit;
import org.terrain4j.data.Datasets;
import org.terrain4j.demo.DemoNetworks;
import org.terrain4j.listeners.CheckSchedule;
import org.terrain4j.listeners.EventType;
import org.terrain4j.listeners.RunDirectory;
import org.terrain4j.listeners.TerrainEvent;
import org.terrain4j.listeners.TerrainListener;

/** Reports of a real DL4J run: what the page draws against what the listener did, and bad input. */
class RunReportTest {

    @TempDir
    static Path run;

    private static List<TerrainEvent> listenerEvents;

    /** Digits on an MLP, with a plateau rule strict enough to cut the rate at most checks: many decisions to draw. */
    @BeforeAll
    static void train() {
        DatasetSplit digits = Datasets.digits(42);
        MultiLayerNetwork net = DemoNetworks.mlp(digits.train().numInputs(), List.of(32), digits.numClasses(), 0.1, 42);
        TerrainListener listener = TerrainListener.builder()
                .plateau(new PlateauOptions(Mode.MIN, 0.5, 0, 0.2, ThresholdMode.RELATIVE, 0, 1e-4, 1e-8))
                .checks(CheckSchedule.everyIterations(20)).runDirectory(run).build();
        net.addListeners(listener);
        for (int epoch = 0; epoch < 6; epoch++) {
            net.fit(digits.trainIterator(32, 42 + epoch));
        }
        listenerEvents = listener.events();
    }

    @Test
    void everyRateChangeAppearsOnceAtItsIterationAndTheDrawnRatesFollowIt() {
        RunRecord record = RunRecordReader.read(run);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> events = (List<Map<String, Object>>) RunReport.data(record).get("events");
        List<Long> drawn = events.stream().filter(e -> (Boolean) e.get("rateChange"))
                .map(e -> (Long) e.get("iteration")).toList();
        List<Long> decays = listenerEvents.stream().filter(e -> e.type() == EventType.LEARNING_RATE_SCALED)
                .map(TerrainEvent::iteration).toList();
        assertThat(decays).hasSizeGreaterThanOrEqualTo(2);
        assertThat(drawn).isEqualTo(decays);

        double[] iterations = record.columns().get("iteration");
        String layer = listenerEvents.stream().filter(e -> e.type() == EventType.LEARNING_RATE_SCALED).findFirst()
                .orElseThrow().learningRatesAfter().keySet().iterator().next();
        double[] rates = record.columns().get(RunRecord.RATE_PREFIX + layer);
        assertThat(rates).as("a rate column for layer %s", layer).isNotNull();
        for (TerrainEvent decay : listenerEvents) {
            if (decay.type() != EventType.LEARNING_RATE_SCALED) {
                continue;
            }
            double before = decay.learningRatesBefore().get(layer);
            double after = decay.learningRatesAfter().get(layer);
            // a row counts the iterations done and carries the rate the last of them used: the
            // decision taken at iteration D (the next update's) shows first in the row after D
            int first = 0;
            while (first < iterations.length && iterations[first] <= decay.iteration()) {
                first++;
            }
            assertThat(first).as("rows around iteration %s", decay.iteration()).isBetween(1, iterations.length - 1);
            assertThat(rates[first - 1]).as("rate in the row of iteration %s", iterations[first - 1])
                    .isCloseTo(before, org.assertj.core.data.Percentage.withPercentage(1e-3));
            assertThat(rates[first]).as("rate in the row of iteration %s", iterations[first])
                    .isLessThanOrEqualTo(after * (1 + 1e-5));
        }
        assertThat(java.util.Arrays.stream(record.columns().get("loss")).allMatch(loss -> loss > 0)).isTrue();
        assertThat(iterations.length).isEqualTo((int) (iterations[iterations.length - 1] / 10));
    }

    @Test
    void thePageIsOneOfflineFileWithItsDataAndNoLeftovers() throws IOException {
        Path page = run.resolve("page.html");
        RunReport.write(RunRecordReader.read(run), page);
        String html = Files.readString(page);
        assertThat(html).doesNotContainPattern("<script[^>]*src=").doesNotContain("<link").contains("echarts.init")
                .contains("\"rateChange\":true").doesNotContain("{{");
        assertThat(Files.list(run).map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp"))).isEmpty();
    }

    @Test
    void badInputIsRefusedInOneLineNamingTheFile(@TempDir Path bad) throws IOException {
        Path events = Files.readString(run.resolve(RunDirectory.EVENTS)).isEmpty() ? null : run.resolve(RunDirectory.EVENTS);
        assertThat(events).isNotNull();
        assertThatThrownBy(() -> RunRecordReader.read(bad.resolve("nowhere")))
                .isInstanceOf(ReportInputException.class).hasMessageContaining("nowhere").hasMessageContaining("no such file");

        Path empty = Files.createDirectories(bad.resolve("empty"));
        Files.writeString(empty.resolve(RunDirectory.EVENTS), "");
        Files.copy(run.resolve(RunDirectory.STATISTICS), empty.resolve(RunDirectory.STATISTICS));
        assertOneLine(empty, empty.resolve(RunDirectory.EVENTS) + ": the file is empty");

        Path truncated = Files.createDirectories(bad.resolve("truncated"));
        String text = Files.readString(events);
        Files.writeString(truncated.resolve(RunDirectory.EVENTS), text.substring(0, text.length() - 20));
        Files.copy(run.resolve(RunDirectory.STATISTICS), truncated.resolve(RunDirectory.STATISTICS));
        assertOneLine(truncated, truncated.resolve(RunDirectory.EVENTS) + ": the last line is cut short");

        Path foreign = Files.createDirectories(bad.resolve("foreign"));
        Files.writeString(foreign.resolve(RunDirectory.EVENTS), "{\"name\": \"not an event\"}\n");
        Files.copy(run.resolve(RunDirectory.STATISTICS), foreign.resolve(RunDirectory.STATISTICS));
        assertOneLine(foreign, foreign.resolve(RunDirectory.EVENTS) + ": line 1 is not a Terrain event");

        Path csv = Files.createDirectories(bad.resolve("csv"));
        Files.copy(events, csv.resolve(RunDirectory.EVENTS));
        Files.writeString(csv.resolve(RunDirectory.STATISTICS), "a,b,c\n1,2,3\n", StandardCharsets.UTF_8);
        assertOneLine(csv, csv.resolve(RunDirectory.STATISTICS) + ": line 1 is not the header");

        Path cut = Files.createDirectories(bad.resolve("cut"));
        Files.copy(events, cut.resolve(RunDirectory.EVENTS));
        List<String> rows = Files.readAllLines(run.resolve(RunDirectory.STATISTICS));
        Files.writeString(cut.resolve(RunDirectory.STATISTICS), rows.get(0) + "\n" + rows.get(1) + "\n10,0,1.5\n");
        assertOneLine(cut, cut.resolve(RunDirectory.STATISTICS) + ": line 3 has 3 cells");
    }

    private static void assertOneLine(Path directory, String start) {
        assertThatThrownBy(() -> RunRecordReader.read(directory)).isInstanceOf(ReportInputException.class)
                .hasMessageStartingWith(start).satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThat(directory.resolve("report.html")).doesNotExist();
    }

    @Test
    void aRateChangeIsAnEventWhoseRatesAfterDifferFromBefore() throws IOException {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        JsonNode kept = json.readTree("{\"learningRatesBefore\":{\"0\":0.1},\"learningRatesAfter\":{\"0\":0.1}}");
        JsonNode cut = json.readTree("{\"learningRatesBefore\":{\"0\":0.1},\"learningRatesAfter\":{\"0\":0.03}}");
        JsonNode none = json.readTree("{\"learningRatesBefore\":{},\"learningRatesAfter\":{}}");
        assertThat(RunReport.rateChanged(kept)).isFalse();
        assertThat(RunReport.rateChanged(cut)).isTrue();
        assertThat(RunReport.rateChanged(none)).isFalse();
    }

    @Test
    void theSpectraAreTheFirstAndLastProbesQuadraturesSmoothedIntoDensities() throws IOException {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        List<JsonNode> events = List.of(
                json.readTree("{\"iteration\":100,\"curvature\":{\"ritzValues\":[-1,2],\"ritzWeights\":[0.25,0.75]}}"),
                json.readTree("{\"iteration\":150,\"curvature\":null}"),
                json.readTree("{\"iteration\":200,\"curvature\":{\"ritzValues\":[0,1,5],\"ritzWeights\":[0.2,0.3,0.5]}}"),
                json.readTree("{\"iteration\":300,\"curvature\":{\"ritzValues\":[3],\"ritzWeights\":[1]}}"));

        List<Map<String, Object>> spectra = RunReport.spectra(events);

        assertThat(spectra).extracting(s -> s.get("iteration")).containsExactly(100L, 300L);
        double[] grid = (double[]) spectra.get(0).get("grid");
        double[] density = (double[]) spectra.get(0).get("density");
        double integral = 0;
        for (int i = 1; i < grid.length; i++) {
            integral += (grid[i] - grid[i - 1]) * (density[i] + density[i - 1]) / 2;
        }
        assertThat(integral).isCloseTo(1, org.assertj.core.data.Offset.offset(0.01));
        int peak = 0;
        for (int i = 0; i < density.length; i++) {
            peak = density[i] > density[peak] ? i : peak;
        }
        assertThat(grid[peak]).as("the heavier node").isCloseTo(2, org.assertj.core.data.Offset.offset(0.1));
        assertThat(RunReport.spectra(events.subList(1, 2))).isEmpty();
    }
}
