package org.terrain4j.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.earlystopping.EarlyStoppingConfiguration;
import org.deeplearning4j.earlystopping.EarlyStoppingResult;
import org.deeplearning4j.earlystopping.saver.LocalFileModelSaver;
import org.deeplearning4j.earlystopping.scorecalc.DataSetLossCalculator;
import org.deeplearning4j.earlystopping.termination.MaxEpochsTerminationCondition;
import org.deeplearning4j.earlystopping.trainer.EarlyStoppingTrainer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.terrain4j.data.DatasetSplit;
import org.terrain4j.data.Datasets;
import org.terrain4j.demo.DemoNetworks;
import org.terrain4j.listeners.TerrainListener;
import org.terrain4j.listeners.TerrainTermination;

/**
 * An example to copy: DL4J's {@code EarlyStoppingTrainer} stopped by Terrain. The MLP trains on
 * the bundled digits at a high starting rate; Terrain decays it at each noise floor down to
 * {@code 0.01}, and once training makes no more progress there, {@link TerrainTermination} ends
 * the run. DL4J's {@code LocalFileModelSaver} keeps the best model by validation loss.
 *
 * <p>Run: {@code java -cp examples/target/terrain-examples.jar org.terrain4j.examples.EarlyStoppingDigits [FOLDER]}.
 */
public final class EarlyStoppingDigits {

    private EarlyStoppingDigits() {
    }

    /** Trains and returns DL4J's result; the best model is written to {@code folder}. */
    public static EarlyStoppingResult<MultiLayerNetwork> train(Path folder, int maxEpochs) throws IOException {
        DatasetSplit digits = Datasets.digits(42);
        MultiLayerNetwork net = DemoNetworks.mlp(digits.train().numInputs(), List.of(128, 64), digits.numClasses(), 0.3, 42);
        TerrainListener terrain = TerrainListener.builder().minLearningRate(0.01).stopAtMinimum(true).build();
        net.addListeners(terrain);
        TerrainTermination done = new TerrainTermination(terrain);
        Files.createDirectories(folder);
        EarlyStoppingConfiguration<MultiLayerNetwork> config = new EarlyStoppingConfiguration.Builder<MultiLayerNetwork>()
                .epochTerminationConditions(new MaxEpochsTerminationCondition(maxEpochs), done)
                .iterationTerminationConditions(done)
                .scoreCalculator(new DataSetLossCalculator(digits.validationIterator(256), true))
                .modelSaver(new LocalFileModelSaver(folder.toString()))
                .build();
        return new EarlyStoppingTrainer(config, net, digits.trainIterator(32, 42)).fit();
    }

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : "early-stopping-digits");
        EarlyStoppingResult<MultiLayerNetwork> result = train(folder, 200);
        System.out.printf("stopped after %d epochs by %s%nbest validation loss %.4f at epoch %d, saved in %s%n",
                result.getTotalEpochs(), result.getTerminationDetails(), result.getBestModelScore(),
                result.getBestModelEpoch(), folder.toAbsolutePath());
    }
}
