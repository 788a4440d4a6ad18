package org.terrain4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.deeplearning4j.arbiter.ComputationGraphSpace;
import org.deeplearning4j.arbiter.MultiLayerSpace;
import org.deeplearning4j.arbiter.conf.updater.AdamSpace;
import org.deeplearning4j.arbiter.layers.DenseLayerSpace;
import org.deeplearning4j.arbiter.layers.OutputLayerSpace;
import org.deeplearning4j.arbiter.optimize.api.CandidateGenerator;
import org.deeplearning4j.arbiter.optimize.api.OptimizationResult;
import org.deeplearning4j.arbiter.optimize.api.saving.InMemoryResultSaver;
import org.deeplearning4j.arbiter.optimize.api.saving.ResultReference;
import org.deeplearning4j.arbiter.optimize.api.termination.MaxCandidatesCondition;
import org.deeplearning4j.arbiter.optimize.api.termination.MaxTimeCondition;
import org.deeplearning4j.arbiter.optimize.config.OptimizationConfiguration;
import org.deeplearning4j.arbiter.optimize.generator.RandomSearchGenerator;
import org.deeplearning4j.arbiter.optimize.parameter.continuous.ContinuousParameterSpace;
import org.deeplearning4j.arbiter.optimize.parameter.integer.IntegerParameterSpace;
import org.deeplearning4j.arbiter.optimize.runner.IOptimizationRunner;
import org.deeplearning4j.arbiter.optimize.runner.LocalOptimizationRunner;
import org.deeplearning4j.arbiter.scoring.impl.EvaluationScoreFunction;
import org.deeplearning4j.arbiter.task.ComputationGraphTaskCreator;
import org.deeplearning4j.arbiter.task.MultiLayerNetworkTaskCreator;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.junit.jupiter.api.Test;
import org.terrain4j.searchdemo.DemoDataSource;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * Arbiter 1.0.0-beta7, with its own ND4J and DL4J core excluded, running real random searches
 * on DL4J 1.0.0-M2.1: the foundation the Bayesian and TPE generators build on.
 */
class ArbiterRandomSearchIT {

    private static final int CANDIDATES = 3;

    @Test
    void randomSearchOverAMultiLayerSpaceCompletesEveryCandidate() throws Exception {
        MultiLayerSpace space = new MultiLayerSpace.Builder()
                .seed(7)
                .updater(new AdamSpace(new ContinuousParameterSpace(0.002, 0.02)))
                .addLayer(hidden())
                .addLayer(output())
                .numEpochs(2)
                .build();

        List<OptimizationResult> results = search(space, new MultiLayerNetworkTaskCreator());

        assertResults(results);
    }

    @Test
    void randomSearchOverAComputationGraphSpaceCompletesEveryCandidate() throws Exception {
        ComputationGraphSpace space = new ComputationGraphSpace.Builder()
                .seed(7)
                .updater(new AdamSpace(new ContinuousParameterSpace(0.002, 0.02)))
                .addInputs("in")
                .setInputTypes(InputType.feedForward(64))
                .addLayer("hidden", hidden(), "in")
                .addLayer("out", output(), "hidden")
                .setOutputs("out")
                .numEpochs(2)
                .build();

        List<OptimizationResult> results = search(space, new ComputationGraphTaskCreator());

        assertResults(results);
    }

    private static DenseLayerSpace hidden() {
        return new DenseLayerSpace.Builder().nIn(64).nOut(new IntegerParameterSpace(16, 64))
                .activation(Activation.RELU).build();
    }

    private static OutputLayerSpace output() {
        return new OutputLayerSpace.Builder().nOut(10).activation(Activation.SOFTMAX)
                .lossFunction(LossFunction.MCXENT).build();
    }

    private static List<OptimizationResult> search(
            org.deeplearning4j.arbiter.optimize.api.ParameterSpace<?> space,
            org.deeplearning4j.arbiter.optimize.api.TaskCreator taskCreator) throws Exception {
        CandidateGenerator generator = new RandomSearchGenerator(space, null);
        generator.setRngSeed(11);
        Properties properties = new Properties();
        properties.setProperty("batchSize", "32");
        OptimizationConfiguration configuration = new OptimizationConfiguration.Builder()
                .candidateGenerator(generator)
                .dataSource(DemoDataSource.class, properties)
                .modelSaver(new InMemoryResultSaver())
                .scoreFunction(new EvaluationScoreFunction(Evaluation.Metric.ACCURACY))
                .terminationConditions(new MaxCandidatesCondition(CANDIDATES),
                        new MaxTimeCondition(5, TimeUnit.MINUTES))
                .build();
        IOptimizationRunner runner = new LocalOptimizationRunner(1, configuration, taskCreator);
        runner.execute();
        assertThat(runner.numCandidatesCompleted()).isEqualTo(CANDIDATES);
        assertThat(runner.numCandidatesFailed()).isZero();
        List<OptimizationResult> results = new java.util.ArrayList<>();
        for (ResultReference reference : runner.getResults()) {
            results.add(reference.getResult());
        }
        return results;
    }

    private static void assertResults(List<OptimizationResult> results) {
        assertThat(results).hasSize(CANDIDATES);
        // Validation accuracy after two epochs: every candidate far above chance (0.1).
        assertThat(results).allSatisfy(r -> assertThat(r.getScore()).isBetween(0.5, 1.0));
        // Random search draws different learning rates and widths for each candidate.
        assertThat(results.stream().map(r -> r.getCandidate().getFlatParameters()[0]).distinct())
                .hasSize(CANDIDATES);
    }
}
