package org.terrain4j.listeners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.terrain4j.control.TrainingBudget;

/** With a known budget, real training ends with its rates annealed to 0 over the budget's last fifth. */
class TrainingBudgetTest {

    private static final List<DataSet> BATCHES = Networks.task(640, 5).batchBy(32); // 20 iterations an epoch

    @Test
    void aMultiLayerNetworkCoolsDownOverTheLastFifthOfItsEpochs() {
        MultiLayerNetwork net = Networks.mlp(new Nesterovs(0.05, 0.9));
        TerrainListener terrain = TerrainListener.builder().budget(TrainingBudget.epochs(10)).build();
        net.addListeners(terrain);

        net.fit(new ListDataSetIterator<>(BATCHES, 1), 10);

        assertCooledDown(terrain, net, 0.05);
        assertThat(net.getLearningRate(0)).isZero(); // the rate at the budget's end
    }

    @Test
    void aComputationGraphCoolsDownFromABudgetInIterations() {
        ComputationGraph graph = Networks.graph(new Adam(0.01));
        TerrainListener terrain = TerrainListener.builder().budget(TrainingBudget.iterations(200)).build();
        graph.addListeners(terrain);

        graph.fit(new ListDataSetIterator<>(BATCHES, 1), 10);

        assertCooledDown(terrain, graph, 0.01);
    }

    private static void assertCooledDown(TerrainListener terrain, Model net, double startingRate) {
        List<TerrainEvent> cooldowns = terrain.events().stream().filter(e -> e.type() == EventType.COOLDOWN).toList();
        assertThat(cooldowns).hasSize(1);
        TerrainEvent cooldown = cooldowns.get(0);
        assertThat(cooldown.iteration()).isEqualTo(160);
        assertThat(cooldown.message()).startsWith("cooldown: the training budget ends at iteration 200; every controlled "
                + "rate falls linearly to 0 from iteration 160 (the last 20% of the budget)");
        // no decision of Terrain's own after the cooldown began
        assertThat(terrain.events()).filteredOn(e -> e.iteration() > 160)
                .noneMatch(e -> e.type() == EventType.LEARNING_RATE_SCALED || e.type() == EventType.RATE_TRIAL);
        cooldown.learningRatesBefore().values().forEach(rate -> assertThat(rate).isLessThanOrEqualTo(startingRate * 27));
        cooldown.learningRatesAfter().forEach((layer, rate) ->
                assertThat(rate).as(layer).isCloseTo(cooldown.learningRatesBefore().get(layer) / 40, within(1e-12)));
        assertThat(NetworkCounters.iteration(net)).isEqualTo(200);
    }
}
