package org.terrain4j.study.testing;

import java.util.Properties;
import org.deeplearning4j.arbiter.MultiLayerSpace;
import org.deeplearning4j.arbiter.conf.updater.SgdSpace;
import org.deeplearning4j.arbiter.layers.DenseLayerSpace;
import org.deeplearning4j.arbiter.layers.OutputLayerSpace;
import org.deeplearning4j.arbiter.optimize.api.CandidateGenerator;
import org.deeplearning4j.arbiter.optimize.api.ParameterSpace;
import org.deeplearning4j.arbiter.optimize.api.score.ScoreFunction;
import org.deeplearning4j.arbiter.optimize.api.termination.MaxCandidatesCondition;
import org.deeplearning4j.arbiter.optimize.config.OptimizationConfiguration;
import org.deeplearning4j.arbiter.optimize.distribution.LogUniformDistribution;
import org.deeplearning4j.arbiter.optimize.generator.RandomSearchGenerator;
import org.deeplearning4j.arbiter.optimize.parameter.continuous.ContinuousParameterSpace;
import org.deeplearning4j.arbiter.optimize.parameter.discrete.DiscreteParameterSpace;
import org.deeplearning4j.arbiter.optimize.parameter.integer.IntegerParameterSpace;
import org.deeplearning4j.arbiter.scoring.impl.EvaluationScoreFunction;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;
import org.terrain4j.arbiter.TerrainPolicySpace;
import org.terrain4j.arbiter.TerrainTrialSpace;
import org.terrain4j.search.arbiter.GeneratorExhaustedCondition;
import org.terrain4j.search.arbiter.TpeSearchGenerator;

/**
 * A small real search for tests: a 4-h-3 network trained with SGD on {@link BlobsDataSource},
 * searching the learning rate, the width h and the batch size, scored by accuracy.
 */
public final class BlobsSearch {

    /** Validation accuracy. */
    public static final ScoreFunction ACCURACY = new EvaluationScoreFunction(Evaluation.Metric.ACCURACY);

    private BlobsSearch() {
    }

    /** The space with this learning-rate space and {@code epochs} epochs per trial. */
    public static TerrainTrialSpace space(ParameterSpace<Double> learningRate, int epochs) {
        MultiLayerSpace network = new MultiLayerSpace.Builder().seed(3)
                .updater(new SgdSpace(learningRate))
                .addLayer(new DenseLayerSpace.Builder().nIn(4).nOut(new IntegerParameterSpace(4, 16))
                        .activation(Activation.TANH).build())
                .addLayer(new OutputLayerSpace.Builder().nOut(3).activation(Activation.SOFTMAX)
                        .lossFunction(LossFunction.MCXENT).build())
                .numEpochs(epochs).build();
        return new TerrainTrialSpace(network, TerrainPolicySpace.builder().build(), new DiscreteParameterSpace<>(16, 32));
    }

    /** The space with a log-uniform learning rate in [1e-4, 1]. */
    public static TerrainTrialSpace space(int epochs) {
        return space(new ContinuousParameterSpace(new LogUniformDistribution(1e-4, 1.0)), epochs);
    }

    /** Arbiter's configuration for {@code trials} trials in all, with these data-source properties. */
    public static OptimizationConfiguration configuration(CandidateGenerator generator, int trials, Properties properties) {
        return new OptimizationConfiguration.Builder().candidateGenerator(generator)
                .dataSource(BlobsDataSource.class, properties).scoreFunction(ACCURACY)
                .terminationConditions(new MaxCandidatesCondition(trials), new GeneratorExhaustedCondition()).build();
    }

    /** As {@link #configuration(CandidateGenerator, int, Properties)} with no properties. */
    public static OptimizationConfiguration configuration(CandidateGenerator generator, int trials) {
        return configuration(generator, trials, new Properties());
    }

    /** Terrain's TPE, seed 5. */
    public static CandidateGenerator tpe(TerrainTrialSpace space) {
        return TpeSearchGenerator.builder(space).scoreFunction(ACCURACY).seed(5).build();
    }

    /** Arbiter's random search, seed 5. */
    public static CandidateGenerator random(TerrainTrialSpace space) {
        RandomSearchGenerator random = new RandomSearchGenerator(space, null);
        random.setRngSeed(5);
        return random;
    }
}
