package org.terrain4j.listeners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.earlystopping.EarlyStoppingConfiguration;
import org.deeplearning4j.earlystopping.EarlyStoppingResult;
import org.deeplearning4j.earlystopping.saver.InMemoryModelSaver;
import org.deeplearning4j.earlystopping.scorecalc.DataSetLossCalculator;
import org.deeplearning4j.earlystopping.termination.MaxEpochsTerminationCondition;
import org.deeplearning4j.earlystopping.trainer.EarlyStoppingGraphTrainer;
import org.deeplearning4j.earlystopping.trainer.EarlyStoppingTrainer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.Sgd;

/** Terrain stopping DL4J's own early-stopping trainers, with their best-model savers. */
class TerrainTerminationTest {

    private static final List<DataSet> BATCHES = Networks.task(1024, 5).batchBy(16);
    private static final DataSet VALIDATION = Networks.task(256, 6);
    private static final int MAX_EPOCHS = 80;

    private static <T extends org.deeplearning4j.nn.api.Model> EarlyStoppingConfiguration<T> configuration(
            TerrainTermination done) {
        return new EarlyStoppingConfiguration.Builder<T>()
                .epochTerminationConditions(new MaxEpochsTerminationCondition(MAX_EPOCHS), done)
                .iterationTerminationConditions(done)
                .scoreCalculator(new DataSetLossCalculator(new ListDataSetIterator<>(VALIDATION.batchBy(256), 1), true))
                .modelSaver(new InMemoryModelSaver<>()).build();
    }

    @Test
    void aMultiLayerNetworkStopsWhenItsRateReachesItsFloorAtTheNoiseFloor() {
        MultiLayerNetwork net = Networks.mlp(new Sgd(1.0));
        TerrainListener terrain = TerrainListener.builder().minLearningRate(0.1).stopAtMinimum(true).build();
        net.addListeners(terrain);
        TerrainTermination done = new TerrainTermination(terrain);

        EarlyStoppingResult<MultiLayerNetwork> result = new EarlyStoppingTrainer(configuration(done), net,
                new ListDataSetIterator<>(BATCHES, 1)).fit();

        assertThat(result.getTerminationReason()).isEqualTo(EarlyStoppingResult.TerminationReason.EpochTerminationCondition);
        assertThat(result.getTerminationDetails()).contains("Terrain: no progress at the noise floor with every "
                + "learning rate at its minimum");
        assertThat(result.getTotalEpochs()).isLessThan(MAX_EPOCHS);
        assertThat(terrain.stopRequested()).isTrue();
        assertThat(net.getLearningRate(0)).isEqualTo(0.1, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(result.getBestModel()).isNotNull();
    }

    @Test
    void aComputationGraphStopsTheSameWayWithDl4jsGraphTrainer() {
        ComputationGraph graph = Networks.graph(new Adam(0.1));
        TerrainListener terrain = TerrainListener.builder().minLearningRate(0.01).stopAtMinimum(true).build();
        graph.addListeners(terrain);
        TerrainTermination done = new TerrainTermination(terrain);

        EarlyStoppingResult<ComputationGraph> result = new EarlyStoppingGraphTrainer(configuration(done), graph,
                new ListDataSetIterator<>(BATCHES, 1)).fit();

        assertThat(result.getTerminationReason()).isEqualTo(EarlyStoppingResult.TerminationReason.EpochTerminationCondition);
        assertThat(result.getTerminationDetails()).contains("TerrainTermination(Terrain: no progress at the noise floor");
        assertThat(result.getTotalEpochs()).isLessThan(MAX_EPOCHS);
        assertThat(result.getBestModel()).isNotNull();
    }

    @Test
    void aDivergenceRollbackCannotCureStopsTrainingAfterTenIterations() {
        for (boolean rollback : new boolean[] {true, false}) {
            // Clean for the first epoch (DL4J's trainer needs one scored epoch), then every batch holds a NaN.
            ListDataSetIterator<DataSet> poisoned = new ListDataSetIterator<>(BATCHES, 1) {
                private int served;

                @Override
                public DataSet next() {
                    DataSet batch = super.next();
                    if (served++ < BATCHES.size()) {
                        return batch;
                    }
                    DataSet copy = batch.copy();
                    copy.getFeatures().putScalar(0, 0, Double.NaN);
                    return copy;
                }
            };
            MultiLayerNetwork net = Networks.mlp(new Sgd(0.1));
            TerrainListenerBuilder builder = TerrainListener.builder().stopAtMinimum(true).minLearningRate(0.01);
            TerrainListener terrain = (rollback ? builder : builder.noRollback()).build();
            net.addListeners(terrain);
            TerrainTermination done = new TerrainTermination(terrain);

            EarlyStoppingResult<MultiLayerNetwork> result = new EarlyStoppingTrainer(configuration(done), net, poisoned).fit();

            assertThat(result.getTerminationReason()).as(result.getTerminationDetails())
                    .isEqualTo(EarlyStoppingResult.TerminationReason.IterationTerminationCondition);
            assertThat(result.getTerminationDetails()).contains("diverged for 10 iterations in a row and rollback "
                    + (rollback ? "could not cure it" : "is off"));
            assertThat(result.getTotalEpochs()).isEqualTo(1);
            assertThat(result.getBestModel()).as("the model of the clean epoch is kept").isNotNull();
        }
    }

    @Test
    void aListenerThatCannotAskToStopIsNamedBeforeTraining() {
        TerrainTermination done = new TerrainTermination(new TerrainListener());
        assertThatThrownBy(done::initialize).hasMessageStartingWith("TerrainTermination needs a listener built with "
                + "stopAtMinimum(true)");
        assertThatThrownBy(() -> new TerrainTermination(null)).hasMessageContaining("needs the TerrainListener");
    }
}
