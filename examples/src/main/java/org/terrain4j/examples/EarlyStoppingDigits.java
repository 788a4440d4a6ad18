package org.terrain4j.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.deeplearning4j.earlystopping.EarlyStoppingConfiguration;
import org.deeplearning4j.earlystopping.EarlyStoppingResult;
import org.deeplearning4j.earlystopping.saver.LocalFileModelSaver;
import org.deeplearning4j.earlystopping.scorecalc.DataSetLossCalculator;
import org.deeplearning4j.earlystopping.termination.MaxEpochsTerminationCondition;
import org.deeplearning4j.earlystopping.trainer.EarlyStoppingTrainer;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;
import org.terrain4j.data.DatasetSplit;
import org.terrain4j.data.Datasets;
import org.terrain4j.listeners.TerrainListener;
import org.terrain4j.listeners.TerrainTermination;

/**
 * An example to copy: DL4J's {@code EarlyStoppingTrainer} stopped by Terrain. The MLP trains on
 * the bundled digits at a high starting rate; Terrain decays it at each noise floor down to
 * {@code 0.01}, and once training makes no more progress there, {@link TerrainTermination} ends
 * the run. DL4J's {@code LocalFileModelSaver} keeps the best model by validation loss.
 *
 * <p>Run its {@code main} with this module's class path (from an IDE, for instance): all it needs is
 * {@code terrain-listeners}, {@code terrain-data} (the bundled digits) and an ND4J backend.
 */
public final class EarlyStoppingDigits {

    private EarlyStoppingDigits() {
    }

    /** Trains and returns DL4J's result; the best model is written to {@code folder}. */
    public static EarlyStoppingResult<MultiLayerNetwork> train(Path folder, int maxEpochs) throws IOException {
        DatasetSplit digits = Datasets.digits(42);
        MultiLayerNetwork net = mlp(digits.train().numInputs(), digits.numClasses());
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

    /** An MLP 64-128-64-10 with ReLU and Nesterov momentum from a high starting rate, 0.3. */
    static MultiLayerNetwork mlp(int inputs, int classes) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(42).weightInit(WeightInit.RELU)
                .updater(new Nesterovs(0.3, 0.9)).list()
                .layer(new DenseLayer.Builder().nIn(inputs).nOut(128).activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().nIn(128).nOut(64).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunction.MCXENT).nIn(64).nOut(classes).activation(Activation.SOFTMAX)
                        .weightInit(WeightInit.XAVIER).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : "early-stopping-digits");
        EarlyStoppingResult<MultiLayerNetwork> result = train(folder, 200);
        System.out.printf("stopped after %d epochs by %s%nbest validation loss %.4f at epoch %d, saved in %s%n",
                result.getTotalEpochs(), result.getTerminationDetails(), result.getBestModelScore(),
                result.getBestModelEpoch(), folder.toAbsolutePath());
    }
}
