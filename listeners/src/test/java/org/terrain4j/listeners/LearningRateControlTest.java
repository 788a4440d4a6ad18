package org.terrain4j.listeners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.terrain4j.control.ThresholdMode;
import org.terrain4j.schedule.ScaledSchedule;

/**
 * Real DL4J training: the learning rate read back from the network's updater changes exactly
 * when the plateau detector says so. Checks every 5 iterations with a 99% relative threshold
 * make the second check (after iteration 10) a plateau with patience 0: the cut applies from
 * iteration 10 on.
 */
class LearningRateControlTest {

    private static final DataSet DATA = Networks.task(64, 3);

    private static TerrainListenerBuilder plateauAtSecondCheck() {
        return TerrainListener.builder().checks(CheckSchedule.everyIterations(5)).patience(0).factor(0.1).cooldown(0)
                .threshold(0.99, ThresholdMode.RELATIVE);
    }

    @Test
    void multiLayerNetworkWithSgdMomentum() {
        MultiLayerNetwork net = Networks.mlp(new Nesterovs(0.1, 0.9));
        TerrainListener listener = plateauAtSecondCheck().build();
        net.addListeners(listener);

        for (int i = 0; i < 9; i++) {
            net.fit(DATA);
        }
        assertThat(net.getLearningRate(0)).isEqualTo(0.1);
        net.fit(DATA);

        assertThat(net.getLearningRate(0)).isEqualTo(0.1 * 0.1, within(1e-15));
        assertThat(net.getLearningRate(1)).isEqualTo(0.1 * 0.1, within(1e-15));
        ScaledSchedule schedule = (ScaledSchedule) ((Nesterovs) updater(net, 0)).getLearningRateSchedule();
        assertThat(schedule.changeIterations()).containsExactly(10);
        assertThat(schedule.valueAt(9, 0)).isEqualTo(0.1);
        assertThat(listener.events()).extracting(TerrainEvent::type).filteredOn(t -> t != EventType.BATCH_SIZE_ADVICE)
                .containsExactly(EventType.TERRAIN, EventType.LEARNING_RATE_SCALED);
        TerrainEvent scaled = listener.events().stream()
                .filter(e -> e.type() == EventType.LEARNING_RATE_SCALED).findFirst().orElseThrow();
        assertThat(scaled.iteration()).isEqualTo(10);
        assertThat(scaled.learningRatesBefore()).containsEntry("layer0", 0.1);
        assertThat(scaled.learningRatesAfter().get("layer0")).isEqualTo(0.01, within(1e-15));
    }

    @Test
    void computationGraphWithAdamOnTopOfAConfiguredSchedule() {
        ExponentialSchedule base = new ExponentialSchedule(ScheduleType.ITERATION, 0.01, 0.95);
        ComputationGraph graph = Networks.graph(new Adam(base));
        graph.addListeners(plateauAtSecondCheck().factor(0.5).build());

        for (int i = 0; i < 12; i++) {
            graph.fit(DATA);
        }

        // 12 iterations done: the next update uses iteration 12, with the base schedule kept.
        assertThat(graph.getLearningRate("hidden")).isEqualTo(0.5 * base.valueAt(12, 0), within(1e-15));
        assertThat(graph.getLearningRate("out")).isEqualTo(0.5 * base.valueAt(12, 0), within(1e-15));
        Adam adam = (Adam) ((BaseLayer) graph.getLayer("hidden").conf().getLayer()).getIUpdater();
        assertThat(((ScaledSchedule) adam.getLearningRateSchedule()).base()).isEqualTo(base);
    }

    @Test
    void onlyTheChosenLayersAreControlled() {
        MultiLayerNetwork net = Networks.mlp(new Sgd(0.1));
        net.addListeners(plateauAtSecondCheck().layers("layer1").build());

        for (int i = 0; i < 10; i++) {
            net.fit(DATA);
        }

        assertThat(net.getLearningRate(0)).isEqualTo(0.1);
        assertThat(net.getLearningRate(1)).isEqualTo(0.01, within(1e-15));
    }

    @Test
    void decaysRepeatOnFurtherPlateausDownToTheMinimum() {
        MultiLayerNetwork net = Networks.mlp(new Sgd(0.1));
        TerrainListener listener = plateauAtSecondCheck().minLearningRate(0.002).stopAtMinimum(true).build();
        net.addListeners(listener);

        for (int i = 0; i < 30; i++) {
            net.fit(DATA);
        }

        // Plateaus at checks 2, 3, 4, ...: 0.1 -> 0.01 -> 0.002 (the minimum) -> stop requested.
        assertThat(net.getLearningRate(0)).isEqualTo(0.002, within(1e-15));
        assertThat(listener.stopRequested()).isTrue();
        assertThat(listener.events()).extracting(TerrainEvent::type).containsSubsequence(
                EventType.LEARNING_RATE_SCALED, EventType.LEARNING_RATE_SCALED, EventType.STOP_REQUESTED);
    }

    private static org.nd4j.linalg.learning.config.IUpdater updater(MultiLayerNetwork net, int layer) {
        return ((BaseLayer) net.getLayer(layer).conf().getLayer()).getIUpdater();
    }
}
