package org.terrain4j.listeners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.AdaDelta;
import org.nd4j.linalg.learning.config.Sgd;
import org.terrain4j.control.ThresholdMode;
import org.terrain4j.terrain.Terrain;

class RobustnessTest {

    @Test
    void nanLossIsReportedAsDivergingNeverThrown() {
        MultiLayerNetwork net = Networks.mlp(new Sgd(0.1));
        TerrainListener listener = TerrainListener.builder().checks(CheckSchedule.everyIterations(2)).noRollback().build();
        net.addListeners(listener);
        DataSet poisoned = Networks.task(16, 1);
        poisoned.getFeatures().putScalar(0, 0, Float.NaN);

        net.fit(Networks.task(16, 2));
        net.fit(poisoned);
        net.fit(poisoned);

        assertThat(listener.terrain()).isEqualTo(Terrain.DIVERGING);
        assertThat(listener.events()).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo(EventType.TERRAIN);
            assertThat(e.terrain()).isEqualTo(Terrain.DIVERGING);
            assertThat(e.message()).isEqualTo("loss is NaN");
            assertThat(e.iteration()).isEqualTo(1);
        });
        assertThat(listener.statistics().iterations()).isEqualTo(1);
    }

    @Test
    void byDefaultANanBatchIsRolledBackAndTheParametersStayFinite() {
        // Rate rises are on by default, and rollback comes with them.
        MultiLayerNetwork net = Networks.mlp(new Sgd(0.1));
        TerrainListener listener = new TerrainListener();
        net.addListeners(listener);
        DataSet poisoned = Networks.task(16, 1);
        poisoned.getFeatures().putScalar(0, 0, Float.NaN);

        net.fit(Networks.task(16, 2));
        net.fit(poisoned);

        assertThat(listener.events()).anySatisfy(e -> assertThat(e.type()).isEqualTo(EventType.ROLLBACK));
        assertThat(net.params().isNaN().any()).isFalse();
        assertThat(net.getLearningRate(0)).isEqualTo(0.1);
    }

    @Test
    void anUpdaterWithoutLearningRateGetsAWarningNotACrash() {
        MultiLayerNetwork net = Networks.mlp(new AdaDelta());
        TerrainListener listener = TerrainListener.builder().checks(CheckSchedule.everyIterations(2)).patience(0)
                .threshold(0.99, ThresholdMode.RELATIVE).build();
        net.addListeners(listener);

        for (int i = 0; i < 6; i++) {
            net.fit(Networks.task(16, i));
        }

        assertThat(listener.events().get(0).type()).isEqualTo(EventType.WARNING);
        assertThat(listener.events().get(0).message())
                .isEqualTo("no learning rate to control in layers [layer0 (AdaDelta), layer1 (AdaDelta)]; "
                        + "Terrain only reports for them");
        assertThat(listener.events()).noneMatch(e -> e.type() == EventType.LEARNING_RATE_SCALED);
        assertThat(listener.statistics().iterations()).isEqualTo(6);
    }

    @Test
    void badOptionsAreNamedWhenBuilt() {
        assertThatThrownBy(() -> TerrainListener.builder().factor(1.5).build())
                .hasMessage("factor must be in (0, 1), got 1.5");
        assertThatThrownBy(() -> TerrainListener.builder().patience(-1).build())
                .hasMessage("patience must be non-negative, got -1");
        assertThatThrownBy(() -> TerrainListener.builder().threshold(Double.NaN, ThresholdMode.RELATIVE).build())
                .hasMessage("threshold must be finite and non-negative, got NaN");
        assertThatThrownBy(() -> CheckSchedule.everyIterations(0)).hasMessage("check period must be positive, got 0");
        assertThatThrownBy(() -> TerrainListener.builder().window(1).build())
                .hasMessage("window must be at least 2, got 1");
        assertThatThrownBy(() -> TerrainListener.builder().noiseScale(100, 1, 0.9).build())
                .hasMessage("noiseScaleBatches must be in [2, noiseScalePeriod = 100], got 1");
        assertThatThrownBy(() -> TerrainListener.builder().layerStatisticsPeriod(0).build())
                .hasMessage("layerStatisticsPeriod must be positive, got 0");
    }

    @Test
    void minimumRateAboveTheStartingRateIsRejectedWhenTrainingStarts() {
        MultiLayerNetwork net = Networks.mlp(new Sgd(0.01));
        net.addListeners(TerrainListener.builder().minLearningRate(0.05).build());

        assertThatThrownBy(() -> net.fit(Networks.task(8, 1)))
                .hasMessage("minLearningRate 0.05 is above the learning rate 0.01 of layer layer0");
    }

    @Test
    void oneListenerServesOneNetwork() {
        TerrainListener listener = new TerrainListener();
        MultiLayerNetwork first = Networks.mlp(new Sgd(0.1));
        MultiLayerNetwork second = Networks.mlp(new Sgd(0.1));
        first.addListeners(listener);
        second.addListeners(listener);
        first.fit(Networks.task(8, 1));

        assertThatThrownBy(() -> second.fit(Networks.task(8, 1)))
                .hasMessage("a TerrainListener serves one network; create one per network");
    }
}
