package org.terrain4j.listeners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.Sgd;
import org.terrain4j.control.PlateauOptions;

/**
 * Real DL4J training under the default rule, the stationarity test: mini-batches of 16 from
 * 1024 samples (64 iterations an epoch, a check at each epoch end). A rate far above what the
 * task needs reaches its noise floor and is decayed; a tiny rate still descends, is kept without
 * rises and, with them (the default), rises by trial and ends lower.
 */
class StationarityControlTest {

    private static final List<DataSet> BATCHES = Networks.task(1024, 5).batchBy(16);

    private static List<TerrainEvent> decays(TerrainListener listener) {
        return listener.events().stream().filter(e -> e.type() == EventType.LEARNING_RATE_SCALED).toList();
    }

    @Test
    void multiLayerNetworkWithSgdAtTheNoiseFloorDecaysAndSaysWhy() {
        MultiLayerNetwork net = Networks.mlp(new Sgd(1.0));
        TerrainListener listener = new TerrainListener();
        net.addListeners(listener);

        net.fit(new ListDataSetIterator<>(BATCHES, 1), 20);

        List<TerrainEvent> decays = decays(listener);
        assertThat(decays).isNotEmpty();
        TerrainEvent first = decays.get(0);
        assertThat(first.message()).contains("stationary at this rate's noise floor", "stationarity test",
                "loss slope t", "falling below -", "flattening t", "confidence 0.900", "a decay pays above 3.33");
        assertThat(first.learningRatesAfter().get("layer0")).isEqualTo(first.learningRatesBefore().get("layer0") * 0.3,
                org.assertj.core.api.Assertions.within(1e-12));
        assertThat(net.getLearningRate(0)).isLessThan(1.0);
        // At least 128 iterations at a rate before its first test, and each rate runs as long as the one before.
        assertThat(first.iteration()).isGreaterThanOrEqualTo(128);
        for (int i = 1; i < decays.size(); i++) {
            assertThat(decays.get(i).iteration() - decays.get(i - 1).iteration())
                    .isGreaterThanOrEqualTo(decays.get(i - 1).iteration() - (i == 1 ? 0 : decays.get(i - 2).iteration()));
        }
    }

    @Test
    void withTwoConfirmationsTheFirstFindingWaitsForTheNextCheck() {
        MultiLayerNetwork net = Networks.mlp(new Sgd(1.0));
        TerrainListener listener = TerrainListener.builder().confirmations(2).build();
        net.addListeners(listener);

        net.fit(new ListDataSetIterator<>(BATCHES, 1), 20);

        TerrainEvent first = decays(listener).get(0);
        assertThat(first.message()).contains("stationary at this rate's noise floor, found at 2 checks in a row: "
                + "stationarity test");
        // The first finding, one check earlier, decayed nothing and said what it waits for.
        TerrainEvent finding = listener.events().stream().filter(e -> e.type() == EventType.TERRAIN
                && e.message().contains("found at 1 check in a row (a decay waits for 2)")).findFirst().orElseThrow();
        assertThat(finding.iteration()).isLessThan(first.iteration());
        assertThat(net.getLearningRate(0)).isLessThan(1.0);
    }

    @Test
    void computationGraphWithAdamAtATinyRateStillDescendsAndKeepsItsRateWithoutRises() {
        ComputationGraph graph = Networks.graph(new Adam(1e-4));
        TerrainListener listener = TerrainListener.builder().noRise().build();
        graph.addListeners(listener);

        graph.fit(new ListDataSetIterator<>(BATCHES, 1), 12);

        assertThat(decays(listener)).isEmpty();
        assertThat(graph.getLearningRate("hidden")).isEqualTo(1e-4);
        assertThat(listener.events()).filteredOn(e -> e.type() == EventType.TERRAIN)
                .extracting(TerrainEvent::message)
                .allSatisfy(m -> assertThat(m).containsAnyOf("still descending", "stalled, not at a noise floor"));
    }

    @Test
    void computationGraphWithAdamAtASmallRateRisesAndEndsLower() {
        ComputationGraph risen = Networks.graph(new Adam(3e-4));
        TerrainListener listener = new TerrainListener();
        risen.addListeners(listener);
        ComputationGraph kept = Networks.graph(new Adam(3e-4));
        kept.addListeners(TerrainListener.builder().noRise().build());

        risen.fit(new ListDataSetIterator<>(BATCHES, 1), 12);
        kept.fit(new ListDataSetIterator<>(BATCHES, 1), 12);

        assertThat(trials(listener)).first().satisfies(e -> {
            assertThat(e.message()).startsWith("rise trial: still descending").contains("trying 3.00 times the rate");
            assertThat(e.learningRatesAfter().get("hidden")).isCloseTo(9e-4, org.assertj.core.api.Assertions.within(1e-12));
        });
        assertThat(trials(listener)).filteredOn(e -> e.message().startsWith("rise kept: ")).isNotEmpty();
        // The last trial was given up: the rate went back to the last kept one.
        assertThat(trials(listener)).last().satisfies(e -> assertThat(e.message()).startsWith("rise given up: "));
        assertThat(risen.getLearningRate("hidden")).isGreaterThanOrEqualTo(9e-4 * (1 - 1e-12));
        assertThat(score(risen)).isLessThan(score(kept) / 2);
    }

    @Test
    void multiLayerNetworkWithSgdAtATinyRateRisesAndEndsLower() {
        MultiLayerNetwork risen = Networks.mlp(new Sgd(0.01));
        TerrainListener listener = new TerrainListener();
        risen.addListeners(listener);
        MultiLayerNetwork kept = Networks.mlp(new Sgd(0.01));
        kept.addListeners(TerrainListener.builder().noRise().build());

        risen.fit(new ListDataSetIterator<>(BATCHES, 1), 12);
        kept.fit(new ListDataSetIterator<>(BATCHES, 1), 12);

        assertThat(trials(listener)).anySatisfy(e -> assertThat(e.message()).startsWith("rise kept: "));
        assertThat(risen.getLearningRate(0)).isGreaterThanOrEqualTo(0.03 * (1 - 1e-12));
        assertThat(risen.score(Networks.task(1024, 5))).isLessThan(kept.score(Networks.task(1024, 5)));
    }

    private static List<TerrainEvent> trials(TerrainListener listener) {
        return listener.events().stream().filter(e -> e.type() == EventType.RATE_TRIAL).toList();
    }

    private static double score(ComputationGraph graph) {
        return graph.score(Networks.task(1024, 5));
    }

    @Test
    void computationGraphWithAdamAtAHighRateDecays() {
        ComputationGraph graph = Networks.graph(new Adam(0.1));
        TerrainListener listener = new TerrainListener();
        graph.addListeners(listener);

        graph.fit(new ListDataSetIterator<>(BATCHES, 1), 20);

        assertThat(decays(listener)).isNotEmpty();
        assertThat(graph.getLearningRate("hidden")).isLessThan(0.1);
    }

    @Test
    void theStationarityTestNeedsTheTrainingLossNotAValidationMonitor() {
        DataSet validation = Networks.task(64, 9);
        assertThatThrownBy(() -> TerrainListener.builder()
                .monitor(new ListDataSetIterator<>(validation.batchBy(64), 1), ValidationMetric.LOSS)
                .confidence(0.9).build())
                .hasMessage("the stationarity test watches training itself; a validation monitor needs the plateau rule "
                        + "(builder().plateau(...))");
        assertThat(TerrainListener.builder().patience(3).options().usesStationarityTest()).isFalse();
        assertThat(TerrainListener.builder().plateau(PlateauOptions.PYTORCH_DEFAULTS).options().usesStationarityTest())
                .isFalse();
        assertThat(TerrainListener.builder().factor(0.5).options().stationarity().factor()).isEqualTo(0.5);
        assertThat(TerrainListener.builder().options().stationarity().confirmations()).isEqualTo(1);
        assertThat(TerrainListener.builder().patience(3).confirmations(2).options().stationarity().confirmations())
                .isEqualTo(2);
        assertThatThrownBy(() -> TerrainListener.builder().confirmations(0).build())
                .hasMessage("confirmations must be in [1, 100], got 0");
        assertThatThrownBy(() -> TerrainListener.builder().confidence(0.3).build())
                .hasMessage("confidence must be in [0.5, 1), got 0.3");
        assertThatThrownBy(() -> TerrainListener.builder().stationarity(null))
                .hasMessage("stationarity options are required; plateau(...) chooses the plateau rule");
    }

    @Test
    void risesAreTheStationarityTestsAndAskingForThemWithThePlateauRuleIsNamed() {
        assertThat(TerrainListener.builder().options().rise()).isEqualTo(org.terrain4j.control.RiseOptions.DEFAULTS);
        assertThat(TerrainListener.builder().noRise().options().rise()).isNull();
        assertThat(TerrainListener.builder().patience(2).options().rise()).isNull();
        assertThatThrownBy(() -> TerrainListener.builder().rise(org.terrain4j.control.RiseOptions.DEFAULTS).patience(2).build())
                .hasMessage("rate rises are judged by the stationarity test; the plateau rule has none (builder().noRise())");
        assertThatThrownBy(() -> TerrainListener.builder().rise(null))
                .hasMessage("rise needs options (RiseOptions.DEFAULTS to start with); noRise() turns rises off");
    }
}
