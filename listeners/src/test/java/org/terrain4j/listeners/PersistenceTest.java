package org.terrain4j.listeners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.Sgd;
import org.terrain4j.control.ThresholdMode;

class PersistenceTest {

    @TempDir
    Path folder;

    private static final List<DataSet> BATCHES = Networks.task(256, 9).batchBy(32);

    private static TerrainListenerBuilder builder() {
        return TerrainListener.builder().checks(CheckSchedule.everyIterations(4)).patience(1)
                .threshold(0.3, ThresholdMode.RELATIVE).noiseScale(8, 4, 0.5);
    }

    /** A network and its listener loaded back from a checkpoint. */
    private record Resumed(MultiLayerNetwork network, TerrainListener listener) {
    }

    /** Saves the network with the listener's state, then loads both back, the listener attached. */
    private Resumed checkpointAndRestore(MultiLayerNetwork original, TerrainListener listener, String name)
            throws Exception {
        File file = folder.resolve(name).toFile();
        original.save(file, true);
        TerrainCheckpoint.save(listener, file);
        MultiLayerNetwork network = MultiLayerNetwork.load(file, true);
        TerrainListener restored = TerrainCheckpoint.restore(file, listener.options());
        network.addListeners(restored);
        return new Resumed(network, restored);
    }

    private static void train(MultiLayerNetwork net, int from, int to) {
        for (int i = from; i < to; i++) {
            net.fit(BATCHES.get(i % BATCHES.size()));
        }
    }

    @Test
    void scaledSchedulesSurviveConfigurationJson() {
        MultiLayerNetwork net = Networks.mlp(new Adam(0.01));
        net.addListeners(builder().build());
        train(net, 0, 40);
        String json = net.getLayerWiseConfigurations().toJson();

        MultiLayerConfiguration restored = MultiLayerConfiguration.fromJson(json);

        assertThat(json).contains("org.terrain4j.schedule.ScaledSchedule");
        assertThat(restored).isEqualTo(net.getLayerWiseConfigurations());
    }

    @Test
    void aResumedRunContinuesExactlyAsTheUninterruptedOne() throws Exception {
        MultiLayerNetwork original = Networks.mlp(new Nesterovs(0.1, 0.9));
        TerrainListener listener = builder().build();
        original.addListeners(listener);
        train(original, 0, 30);
        Resumed resumed = checkpointAndRestore(original, listener, "model.zip");
        train(original, 30, 60);
        train(resumed.network(), 30, 60);

        assertThat(resumed.network().params()).isEqualTo(original.params());
        assertThat(resumed.network().getLearningRate(0)).isEqualTo(original.getLearningRate(0)).isLessThan(0.1);
        assertThat(EventLog.JSON.writeValueAsString(resumed.listener().state()))
                .isEqualTo(EventLog.JSON.writeValueAsString(listener.state()));
    }

    @Test
    void aResumedRunWithCurvatureProbesAndRollbackContinuesExactly() throws Exception {
        // Probes every 7 iterations, snapshots every 5; after the resume a NaN batch makes both
        // runs roll back, the resumed one to the snapshot it read from the checkpoint.
        MultiLayerNetwork original = Networks.mlp(new Nesterovs(0.5, 0.9));
        TerrainListener listener = TerrainListener.builder().curvature(CurvatureOptions.DEFAULTS
                .withSchedule(new org.terrain4j.control.ProbeSchedule(7, 7, 0.99)))
                .rollback(new org.terrain4j.control.RollbackPolicy(5, 0.5)).build();
        original.addListeners(listener);
        train(original, 0, 43);
        Resumed resumed = checkpointAndRestore(original, listener, "curvature.zip");
        CurvatureState saved = resumed.listener().state().curvature();
        assertThat(saved.probes()).isEqualTo(listener.state().curvature().probes()).isGreaterThanOrEqualTo(6);
        assertThat(resumed.listener().state().rollback().iteration()).isEqualTo(40);
        assertThat(resumed.listener().state().rollback().parameters())
                .isEqualTo(listener.state().rollback().parameters());
        assertThat(saved.recentLosses()).isEqualTo(listener.state().curvature().recentLosses()).hasSize(43);

        for (MultiLayerNetwork net : List.of(original, resumed.network())) {
            train(net, 43, 44);
            DataSet poisoned = BATCHES.get(0).copy();
            poisoned.getFeatures().putScalar(0, 0, Double.NaN);
            net.fit(poisoned);
            train(net, 44, 80);
        }

        assertThat(resumed.listener().events()).anySatisfy(e -> assertThat(e.message())
                .contains("rolled back to the snapshot taken at iteration"));
        assertThat(resumed.network().params()).isEqualTo(original.params());
        CurvatureState after = resumed.listener().state().curvature();
        CurvatureState expected = listener.state().curvature();
        assertThat(after.probes()).isEqualTo(expected.probes());
        assertThat(after.last().lambdaMax()).isEqualTo(expected.last().lambdaMax());
        assertThat(resumed.listener().state().rollback().iteration()).isEqualTo(listener.state().rollback().iteration());
    }

    /** {@code state} as another version would write it, without the curvature and rollback sides. */
    private static ListenerState withoutCurvature(ListenerState state, int version) {
        return new ListenerState(version, state.signals(), state.plateau(), state.noiseScale(), state.terrain(),
                state.diverging(), state.batchSizeAdvice(), state.epochsSeen(), state.stopRequested(),
                state.stationarity(), state.testedRates(), state.lastVerdict(), state.checks(), null, null, Double.NaN, null,
                null);
    }

    @Test
    void aVersionTwoStateWithoutTheCurvatureSideStillRestores() {
        ListenerState state = new TerrainListener().state();
        new TerrainListener().restore(withoutCurvature(state, 2));
        ListenerState newer = withoutCurvature(state, 9);
        assertThatThrownBy(() -> new TerrainListener().restore(newer)).hasMessage(
                "listener state version 9 is not supported; this Terrain reads versions 2 to 8");
    }

    @Test
    void aVersionFourStateWithoutTheLevelBeforeTheLastDecayStillRestores() throws Exception {
        MultiLayerNetwork net = Networks.mlp(new Sgd(0.1));
        TerrainListener listener = new TerrainListener();
        net.setListeners(listener);
        for (int epoch = 0; epoch < 3; epoch++) {
            net.fit(new ListDataSetIterator<>(BATCHES));
        }
        String json = EventLog.JSON.writeValueAsString(listener.state()).replace("\"version\":8", "\"version\":4")
                .replaceAll(",\"floorBefore\":(null|\\{[^}]*\\})", "").replaceAll(",\"floorsInARow\":\\d+", "");
        assertThat(json).doesNotContain("floorBefore").doesNotContain("floorsInARow").contains("\"version\":4");

        TerrainListener resumed = new TerrainListener();
        resumed.restore(EventLog.JSON.readValue(json, ListenerState.class));
        assertThat(resumed.state().stationarity().floorBefore()).isNull();
        assertThat(resumed.state().stationarity().count()).isEqualTo(listener.state().stationarity().count());
    }

    @Test
    void aResumedRunUnderTheStationarityTestContinuesExactly() throws Exception {
        List<DataSet> batches = Networks.task(1024, 5).batchBy(16);
        MultiLayerNetwork original = Networks.mlp(new Sgd(1.0));
        TerrainListener listener = new TerrainListener();
        original.addListeners(listener);
        original.fit(new ListDataSetIterator<>(batches, 1), 3);
        Resumed resumed = checkpointAndRestore(original, listener, "stationarity.zip");
        original.fit(new ListDataSetIterator<>(batches, 1), 9);
        resumed.network().fit(new ListDataSetIterator<>(batches, 1), 9);

        assertThat(listener.state().stationarity().count()).isPositive();
        assertThat(resumed.network().params()).isEqualTo(original.params());
        assertThat(resumed.network().getLearningRate(0)).isEqualTo(original.getLearningRate(0)).isLessThan(0.5);
        assertThat(EventLog.JSON.writeValueAsString(resumed.listener().state()))
                .isEqualTo(EventLog.JSON.writeValueAsString(listener.state()));
    }

    @Test
    void aRunResumedDuringARiseTrialContinuesExactly() throws Exception {
        List<DataSet> batches = Networks.task(1024, 5).batchBy(16);
        MultiLayerNetwork original = Networks.mlp(new Sgd(0.01));
        TerrainListener listener = new TerrainListener();
        original.addListeners(listener);
        original.fit(new ListDataSetIterator<>(batches, 1), 3);
        assertThat(listener.state().rise().phase()).isEqualTo(org.terrain4j.control.RateRise.Phase.TRIAL);
        Resumed resumed = checkpointAndRestore(original, listener, "trial.zip");
        original.fit(new ListDataSetIterator<>(batches, 1), 9);
        resumed.network().fit(new ListDataSetIterator<>(batches, 1), 9);

        assertThat(listener.events()).anySatisfy(e -> assertThat(e.message()).startsWith("rise kept: "));
        assertThat(resumed.listener().events()).anySatisfy(e -> assertThat(e.message()).startsWith("rise kept: "));
        assertThat(resumed.network().params()).isEqualTo(original.params());
        assertThat(resumed.network().getLearningRate(0)).isEqualTo(original.getLearningRate(0));
        assertThat(EventLog.JSON.writeValueAsString(resumed.listener().state()))
                .isEqualTo(EventLog.JSON.writeValueAsString(listener.state()));
    }

    @Test
    void aStateFromBeforeRisesResumesWithRisesEnded() {
        ListenerState state = new TerrainListener().state();
        TerrainListener listener = new TerrainListener();
        listener.restore(withoutCurvature(state, 3));
        assertThat(listener.state().rise().phase()).isEqualTo(org.terrain4j.control.RateRise.Phase.DONE);
    }

    @Test
    void restoringFromAModelWithoutStateSaysSo() throws Exception {
        File file = folder.resolve("plain.zip").toFile();
        Networks.mlp(new Adam(0.01)).save(file, true);

        assertThatThrownBy(() -> TerrainCheckpoint.restore(file, builder().options()))
                .hasMessage(file + ": no Terrain listener state in this model file");
    }

    @Test
    void aModelFileWhoseStateIsAnythingButAStringIsRefusedUnread() throws Exception {
        // ModelSerializer would deserialize any object under the key: a model file may come from anyone.
        File file = folder.resolve("foreign.zip").toFile();
        Networks.mlp(new Adam(0.01)).save(file, true);
        ModelSerializer.addObjectToFile(file, TerrainCheckpoint.KEY, new java.util.ArrayList<>(java.util.List.of("x")));

        assertThatThrownBy(() -> TerrainCheckpoint.restore(file, builder().options()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(file + ": the Terrain listener state is not a JSON string within 256 MB (refused: ");
    }

    @Test
    void eventsAreWrittenAsJsonLines() throws Exception {
        Path events = folder.resolve("events.jsonl");
        MultiLayerNetwork net = Networks.mlp(new Nesterovs(0.1, 0.9));
        TerrainListener listener = builder().eventsFile(events).build();
        net.addListeners(listener);
        train(net, 0, 40);

        List<String> lines = Files.readAllLines(events);
        assertThat(lines).hasSize(listener.events().size()).isNotEmpty();
        JsonNode first = EventLog.JSON.readTree(lines.get(0));
        assertThat(first.get("type").asText()).isEqualTo(listener.events().get(0).type().name());
        assertThat(first.get("statistics").get("iteration").asLong()).isEqualTo(listener.events().get(0).iteration());
    }

    @Test
    void eventsAreLoggedUnderTheEventLogsName() {
        // The terrain command's logback.xml turns this logger to WARN; the name is the contract.
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                .getLogger("org.terrain4j.listeners.EventLog");
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> seen =
                new ch.qos.logback.core.read.ListAppender<>();
        seen.start();
        ch.qos.logback.classic.Level level = logger.getLevel();
        logger.setLevel(ch.qos.logback.classic.Level.INFO);
        logger.addAppender(seen);
        try {
            MultiLayerNetwork net = Networks.mlp(new Nesterovs(0.1, 0.9));
            TerrainListener listener = new TerrainListener();
            net.addListeners(listener);
            train(net, 0, 40);
            assertThat(listener.events()).isNotEmpty();
            assertThat(seen.list).hasSize(listener.events().size());
        } finally {
            logger.detachAppender(seen);
            logger.setLevel(level);
        }
    }

    @Test
    void anUnwritableEventsFileFailsWhenBuilt() {
        Path inMissingFolder = folder.resolve("no/such/dir/events.jsonl");

        assertThatThrownBy(() -> builder().eventsFile(inMissingFolder).build())
                .hasMessageStartingWith("cannot open the events file " + inMissingFolder);
    }
}
