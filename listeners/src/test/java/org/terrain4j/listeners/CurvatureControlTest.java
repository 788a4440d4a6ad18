package org.terrain4j.listeners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.distribution.NormalDistribution;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;
import org.terrain4j.control.ProbeSchedule;
import org.terrain4j.control.RollbackPolicy;
import org.terrain4j.terrain.Terrain;

/** Curvature probes inside real training: the stability cap, rollback on divergence, saddles. */
class CurvatureControlTest {

    private static TerrainListenerBuilder probingEvery(int period) {
        return TerrainListener.builder().curvature(CurvatureOptions.DEFAULTS
                .withSchedule(new ProbeSchedule(period, 1_000_000, 0.99))).rollback(new RollbackPolicy(5, 0.5));
    }

    @Test
    void aRateBeyondTheBoundIsCappedOnceTheLossConfirmsIt() {
        MultiLayerNetwork net = regressionNetwork();
        double lambdaMax = exactLambdaMax(net);
        double rate = 2.04 / lambdaMax;
        setRate(net, rate);
        TerrainListener listener = trainBeyondTheBound(net, new org.terrain4j.control.InstabilityTest(48, 0.99));

        TerrainEvent cap = listener.events().stream().filter(e -> e.type() == EventType.LEARNING_RATE_SCALED)
                .findFirst().orElseThrow();
        assertThat(cap.terrain()).isEqualTo(Terrain.UNSTABLE);
        assertThat(cap.message()).containsAnyOf("the loss is rising", "oscillates with a growing amplitude")
                .contains("capped at 80% of the bound / lambda_max");
        assertThat(net.getLearningRate(0)).isCloseTo(0.8 * 2 / cap.curvature().lambdaMax(), within(1e-6 * rate));
        assertThat(cap.curvature().lambdaMax()).isCloseTo(lambdaMax, within(1e-6 * lambdaMax));
    }

    @Test
    void withoutAnInstabilityTestAnUnstableRateIsReportedAndKept() {
        MultiLayerNetwork net = regressionNetwork();
        double rate = 2.04 / exactLambdaMax(net);
        setRate(net, rate);
        TerrainListener listener = trainBeyondTheBound(net, null);

        assertThat(listener.events()).noneMatch(e -> e.type() == EventType.LEARNING_RATE_SCALED);
        assertThat(listener.events()).anySatisfy(e -> {
            assertThat(e.terrain()).isEqualTo(Terrain.UNSTABLE);
            assertThat(e.message()).contains("caps are off").contains("the rate is kept");
        });
        assertThat(net.getLearningRate(0)).isEqualTo(rate);
    }

    /** Linear regression, whose Hessian is constant: beyond lr * lambda_max = 2 the error along the
     * sharpest direction flips sign and grows every step (by 4% at 2.04). */
    private static MultiLayerNetwork regressionNetwork() {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(3)
                .updater(new Sgd(1.0)).list()
                .layer(new OutputLayer.Builder(LossFunction.MSE).nIn(Networks.FEATURES).nOut(1)
                        .activation(Activation.IDENTITY).build())
                .build());
        net.init();
        return net;
    }

    private static double exactLambdaMax(MultiLayerNetwork net) {
        return new org.terrain4j.probe.ProbedNetwork(net, org.terrain4j.probe.ProductPrecision.FLOAT64)
                .probe(regressionTask(), h -> new org.terrain4j.curvature.Lanczos(30, 1e-12).run(h, new java.util.Random(1)))
                .largest();
    }

    /** 49 iterations with a probe every 24, no rollback. */
    private static TerrainListener trainBeyondTheBound(MultiLayerNetwork net,
                                                       org.terrain4j.control.InstabilityTest instability) {
        TerrainListener listener = TerrainListener.builder().curvature(CurvatureOptions.DEFAULTS
                .withSchedule(new ProbeSchedule(24, 1_000_000, 0.99))
                .withInstability(instability)).noRollback().build();
        net.addListeners(listener);
        DataSet data = regressionTask();
        for (int i = 0; i < 49; i++) {
            net.fit(data);
        }
        return listener;
    }

    @Test
    void nesterovMomentumIsJudgedAgainstItsOwnTighterBound() {
        MultiLayerNetwork net = Networks.mlp(new Nesterovs(10.0, 0.9));
        TerrainListener listener = probingEvery(1).build();
        net.addListeners(listener);

        net.fit(Networks.task(64, 2));

        TerrainEvent probe = listener.events().stream().filter(e -> e.type() == EventType.CURVATURE_PROBE)
                .findFirst().orElseThrow();
        assertThat(probe.curvature().conclusive()).isTrue();
        assertThat(listener.terrain()).isEqualTo(Terrain.UNSTABLE);
        // 2 (1 + mu) / (1 + 2 mu) = 3.8 / 2.8 with mu = 0.9, not gradient descent's 2; one loss is
        // too few to confirm anything, so the rate stands.
        assertThat(listener.events()).anySatisfy(e -> assertThat(e.message())
                .contains("above the stability bound 1.357 = 2(1+mu)/(1+2mu) with mu 0.900")
                .contains("too few to tell an instability from a passing spike"));
        assertThat(net.getLearningRate(0)).isEqualTo(10.0);
    }

    @Test
    void rollbackGuardsTrainingWithoutCurvatureProbes() {
        // The guard alone: the step at rate 1000 blows the regression up, training rolls back and
        // halves the rate, and rolls back again until a rate trains; no probe is ever made.
        MultiLayerNetwork net = regression(1000.0);
        TerrainListener listener = TerrainListener.builder().rollback(RollbackPolicy.DEFAULTS).build();
        net.addListeners(listener);
        DataSet data = regressionTask();

        for (int i = 0; i < 60; i++) {
            net.fit(data);
        }

        List<TerrainEvent> rollbacks = listener.events().stream().filter(e -> e.type() == EventType.ROLLBACK).toList();
        assertThat(rollbacks).isNotEmpty().allSatisfy(e -> assertThat(e.message())
                .contains("rolled back to the snapshot taken at iteration 0"));
        assertThat(rollbacks.get(0).learningRatesAfter().values()).containsOnly(500.0);
        assertThat(listener.events()).noneSatisfy(e -> assertThat(e.type()).isEqualTo(EventType.CURVATURE_PROBE));
        assertThat(net.score()).isFinite().isLessThan(1.0);
        assertThat(listener.state().rollback()).isNotNull();
        assertThat(listener.state().curvature()).isNull();
    }

    @Test
    void theBuilderTurnsRollbackOnWithCurvatureUnlessToldOtherwise() {
        assertThat(TerrainListener.builder().curvature(CurvatureOptions.DEFAULTS).options().rollback())
                .isEqualTo(RollbackPolicy.DEFAULTS);
        assertThat(TerrainListener.builder().curvature(CurvatureOptions.DEFAULTS).noRollback().options().rollback())
                .isNull();
        // Rate rises, on by default, bring rollback too; without them and without probes there is none.
        assertThat(TerrainListener.builder().options().rollback()).isEqualTo(RollbackPolicy.DEFAULTS);
        assertThat(TerrainListener.builder().noRise().options().rollback()).isNull();
        assertThat(TerrainListener.builder().patience(2).options().rollback()).isNull();
        assertThat(TerrainListener.builder().patience(2).options().rise()).isNull();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TerrainListener.builder().rollback(null))
                .hasMessageContaining("noRollback()");
    }

    @Test
    void aGraphWithTwoInputsSaysItIsNotProbedAndTrainsOn() {
        org.deeplearning4j.nn.graph.ComputationGraph graph = new org.deeplearning4j.nn.graph.ComputationGraph(
                new NeuralNetConfiguration.Builder().seed(1).updater(new Sgd(0.1)).graphBuilder()
                        .addInputs("a", "b")
                        .addVertex("both", new org.deeplearning4j.nn.conf.graph.MergeVertex(), "a", "b")
                        .addLayer("hidden", new DenseLayer.Builder().nIn(2 * Networks.FEATURES).nOut(8)
                                .activation(Activation.TANH).build(), "both")
                        .addLayer("out", new OutputLayer.Builder(LossFunction.MCXENT).nIn(8).nOut(3)
                                .activation(Activation.SOFTMAX).build(), "hidden")
                        .setOutputs("out").build());
        graph.init();
        TerrainListener listener = probingEvery(2).build();
        graph.addListeners(listener);
        DataSet data = Networks.task(32, 2);
        org.nd4j.linalg.dataset.MultiDataSet twoInputs = new org.nd4j.linalg.dataset.MultiDataSet(
                new org.nd4j.linalg.api.ndarray.INDArray[] {data.getFeatures(), data.getFeatures().mul(2)},
                new org.nd4j.linalg.api.ndarray.INDArray[] {data.getLabels()});
        double before = graph.score(twoInputs);

        for (int i = 0; i < 6; i++) {
            graph.fit(twoInputs);
        }

        List<TerrainEvent> probes = listener.events().stream().filter(e -> e.type() == EventType.CURVATURE_PROBE)
                .toList();
        assertThat(probes).isNotEmpty().allSatisfy(e -> {
            assertThat(e.curvature().conclusive()).isFalse();
            assertThat(e.message()).contains("inconclusive: no probe batch")
                    .contains("no single, finite input and label array");
        });
        assertThat(graph.score(twoInputs)).isLessThan(before);
    }

    @Test
    void aDivergenceOnFiniteDataRollsBackAndHalvesTheRateBeforeCappingIt() {
        // From the first step, so no rise of the rate is seen: the step at rate 1000 blows up the
        // regression, the next loss is over 10 times the best, and training rolls back.
        MultiLayerNetwork net = regression(1000.0);
        TerrainListener listener = probingEvery(1_000_000).build();
        net.addListeners(listener);
        DataSet data = regressionTask();

        net.fit(data);
        net.fit(data);

        TerrainEvent rollback = listener.events().stream().filter(e -> e.type() == EventType.ROLLBACK).findFirst()
                .orElseThrow();
        assertThat(rollback.message()).contains("rolled back to the snapshot taken at iteration 0")
                .contains("set the learning rate to 0.5 times the lower of the rate now and the rate then");
        assertThat(rollback.learningRatesAfter().values()).containsOnly(500.0);
        assertThat(listener.events()).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo(EventType.LEARNING_RATE_SCALED);
            assertThat(e.terrain()).isEqualTo(Terrain.UNSTABLE);
        });
        assertThat(net.getLearningRate(0)).isLessThan(500.0);
    }

    @Test
    void theProbeAfterANaNBatchUsesThePreviousProbesBatch() {
        MultiLayerNetwork net = Networks.mlp(new Sgd(0.1));
        TerrainListener listener = probingEvery(2).build();
        trainSixGoodIterations(net, listener);
        int before = listener.events().size();

        net.fit(nanBatch());

        java.util.List<TerrainEvent> after = listener.events().subList(before, listener.events().size());
        assertThat(after).anySatisfy(e -> assertThat(e.type()).isEqualTo(EventType.ROLLBACK));
        TerrainEvent probe = after.stream().filter(e -> e.type() == EventType.CURVATURE_PROBE).findFirst().orElseThrow();
        assertThat(probe.curvature().conclusive()).isTrue();
        assertThat(probe.curvature().lambdaMax()).isFinite().isPositive();
    }

    /** A least-squares regression, where a rate beyond 2 / lambda_max grows the loss geometrically. */
    private static MultiLayerNetwork regression(double rate) {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(3)
                .updater(new Sgd(rate)).list()
                .layer(new DenseLayer.Builder().nIn(Networks.FEATURES).nOut(8).activation(Activation.IDENTITY).build())
                .layer(new OutputLayer.Builder(LossFunction.MSE).nIn(8).nOut(1).activation(Activation.IDENTITY).build())
                .build());
        net.init();
        return net;
    }

    private static DataSet regressionTask() {
        DataSet data = Networks.task(64, 2);
        return new DataSet(data.getFeatures(), data.getFeatures().sum(true, 1));
    }

    private static void trainSixGoodIterations(MultiLayerNetwork net, TerrainListener listener) {
        net.addListeners(listener);
        DataSet good = Networks.task(64, 2);
        for (int i = 0; i < 6; i++) {
            net.fit(good);
        }
    }

    private static DataSet nanBatch() {
        DataSet poisoned = Networks.task(64, 3);
        poisoned.getFeatures().putScalar(0, 0, Float.NaN);
        return poisoned;
    }

    @Test
    void aNonFiniteBatchRollsBackToTheLastSnapshotAndKeepsTheRate() {
        MultiLayerNetwork net = Networks.mlp(new Sgd(0.1));
        TerrainListener listener = probingEvery(1_000_000).build();
        net.addListeners(listener);
        DataSet good = Networks.task(64, 2);
        for (int i = 0; i < 5; i++) {
            net.fit(good);
        }
        // The snapshot is taken at the start of iteration 5, once its loss is known to be healthy.
        org.nd4j.linalg.api.ndarray.INDArray snapshot = net.params().dup();
        net.fit(good);
        DataSet poisoned = Networks.task(64, 3);
        poisoned.getFeatures().putScalar(0, 0, Float.POSITIVE_INFINITY);

        net.fit(poisoned);

        assertThat(net.params()).isEqualTo(snapshot);
        // The data, not the rate, made it diverge.
        assertThat(net.getLearningRate(0)).isEqualTo(0.1);
        assertThat(listener.events()).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo(EventType.ROLLBACK);
            assertThat(e.message()).contains("rolled back to the snapshot taken at iteration 5")
                    .contains("the batch itself held NaN or infinity, so the learning rate is kept");
        });
        net.fit(good);
        assertThat(net.score()).isFinite();
    }

    @Test
    void aRateSetFarTooHighIsProbedAndCappedBeforeItsFirstStep() {
        MultiLayerNetwork net = regression(0.01);
        TerrainListener listener = probingEvery(1_000_000).build();
        net.addListeners(listener);
        DataSet regression = regressionTask();
        for (int i = 0; i < 20; i++) {
            net.fit(regression);
        }
        double lossBefore = net.score(regression);
        org.deeplearning4j.util.NetworkUtils.setLearningRate(net, 10.0);
        int eventsBefore = listener.events().size();

        net.fit(regression);

        java.util.List<TerrainEvent> during = listener.events().subList(eventsBefore, listener.events().size());
        TerrainEvent probe = during.stream().filter(e -> e.type() == EventType.CURVATURE_PROBE).findFirst()
                .orElseThrow();
        assertThat(probe.curvature().conclusive()).isTrue();
        assertThat(during).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo(EventType.LEARNING_RATE_SCALED);
            assertThat(e.terrain()).isEqualTo(Terrain.UNSTABLE);
        });
        // Capped below the bound, and at most back at the rate that worked before the rise.
        assertThat(10.0 * probe.curvature().lambdaMax()).isGreaterThan(2);
        assertThat(net.getLearningRate(0)).isCloseTo(Math.min(0.8 * 2 / probe.curvature().lambdaMax(), 0.01),
                within(1e-12));
        // The step itself was taken at the capped rate: the loss fell instead of blowing up.
        assertThat(net.score(regression)).isLessThan(lossBefore);
        for (int i = 0; i < 40; i++) {
            net.fit(regression);
        }
        assertThat(listener.events()).noneSatisfy(e -> assertThat(e.type()).isEqualTo(EventType.ROLLBACK));
        assertThat(net.score()).isFinite().isLessThan(1.0);
    }

    @Test
    void adamIsJudgedOnItsPreconditionedHessianAndCappedBeforeAStepAtARateFarTooHigh() {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(3)
                .updater(new org.nd4j.linalg.learning.config.Adam(0.01)).list()
                .layer(new DenseLayer.Builder().nIn(Networks.FEATURES).nOut(8).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(LossFunction.MSE).nIn(8).nOut(1).activation(Activation.IDENTITY).build())
                .build());
        net.init();
        TerrainListener listener = probingEvery(1_000_000).build();
        net.addListeners(listener);
        DataSet regression = regressionTask();
        for (int i = 0; i < 30; i++) {
            net.fit(regression);
        }
        org.deeplearning4j.util.NetworkUtils.setLearningRate(net, 100.0);
        int eventsBefore = listener.events().size();

        net.fit(regression);

        List<TerrainEvent> during = listener.events().subList(eventsBefore, listener.events().size());
        TerrainEvent probe = during.stream().filter(e -> e.type() == EventType.CURVATURE_PROBE).findFirst()
                .orElseThrow();
        assertThat(probe.message()).startsWith("preconditioned Hessian P^-1 H");
        assertThat(100.0 * probe.curvature().lambdaMax()).isGreaterThan(38);
        TerrainEvent cap = during.stream().filter(e -> e.type() == EventType.LEARNING_RATE_SCALED).findFirst()
                .orElseThrow();
        assertThat(cap.message()).contains("(2+2beta1)/(1-beta1) with beta1 0.900, on Adam's preconditioned Hessian")
                .contains("before the first step at a rate that rose");
        assertThat(net.getLearningRate(0)).isCloseTo(Math.min(0.8 * 38 / probe.curvature().lambdaMax(), 0.01),
                within(1e-9));
        for (int i = 0; i < 40; i++) {
            net.fit(regression);
        }
        assertThat(net.score()).isFinite();
    }

    @Test
    void aRiseTheProbeCannotJudgeIsNotKeptInASnapshot() {
        // A symmetry tolerance no finite-difference product meets: every probe is inconclusive,
        // so the rise to 10 stands and its first step blows the regression up.
        CurvatureOptions unjudged = new CurvatureOptions(new ProbeSchedule(1_000_000, 1_000_000, 0.99), 20,
                Double.MIN_VALUE, CurvatureOptions.DEFAULTS.classifier(), 0.8, 42, null,
                CurvatureOptions.DEFAULTS.instability(), CurvatureOptions.DEFAULTS.precision());
        MultiLayerNetwork net = regression(0.01);
        TerrainListener listener = TerrainListener.builder().curvature(unjudged).rollback(new RollbackPolicy(5, 0.5))
                .build();
        net.addListeners(listener);
        DataSet regression = regressionTask();
        for (int i = 0; i < 20; i++) {
            net.fit(regression);
        }
        // Iteration 20 is due for a snapshot, with a loss still healthy at these parameters.
        org.deeplearning4j.util.NetworkUtils.setLearningRate(net, 10.0);

        for (int i = 0; i < 3; i++) {
            net.fit(regression);
        }

        assertThat(listener.events()).filteredOn(e -> e.type() == EventType.CURVATURE_PROBE)
                .allSatisfy(e -> assertThat(e.curvature().conclusive()).isFalse());
        TerrainEvent rollback = listener.events().stream().filter(e -> e.type() == EventType.ROLLBACK).findFirst()
                .orElseThrow();
        // Back to the snapshot before the rise, at half the rate known to train there, not at 5.
        assertThat(rollback.message()).contains("rolled back to the snapshot taken at iteration 15");
        assertThat(rollback.learningRatesAfter().values())
                .allSatisfy(rate -> assertThat(rate).isCloseTo(0.005, within(1e-12)));
    }

    @Test
    void aProbeBeforeTheStepLeavesTheStepBitwiseAsItWouldHaveBeen() {
        for (boolean graph : new boolean[] {false, true}) {
            org.deeplearning4j.nn.api.Model probed = graph ? Networks.graph(new Nesterovs(0.01, 0.9))
                    : Networks.mlp(new Nesterovs(0.01, 0.9));
            org.deeplearning4j.nn.api.Model plain = graph ? Networks.graph(new Nesterovs(0.01, 0.9))
                    : Networks.mlp(new Nesterovs(0.01, 0.9));
            TerrainListener listener = probingEvery(1_000_000).build();
            probed.addListeners(listener);
            DataSet data = Networks.task(64, 2);
            for (org.deeplearning4j.nn.api.Model model : java.util.List.of(probed, plain)) {
                for (int i = 0; i < 3; i++) {
                    fit(model, data);
                }
                // Doubled: a rise that is probed before its step, and still stable.
                setRate(model, 0.02);
                fit(model, data);
            }

            // The only probe is the one before the fourth step (iteration 3), reported after iteration 2.
            assertThat(listener.events()).filteredOn(e -> e.type() == EventType.CURVATURE_PROBE)
                    .singleElement().satisfies(e -> assertThat(e.iteration()).isEqualTo(2));
            assertThat(listener.events()).noneSatisfy(e -> assertThat(e.type()).isEqualTo(EventType.LEARNING_RATE_SCALED));
            assertThat(probed.params()).as(graph ? "graph" : "multi-layer network").isEqualTo(plain.params());
        }
    }

    private static void fit(org.deeplearning4j.nn.api.Model model, DataSet data) {
        if (model instanceof MultiLayerNetwork mln) {
            mln.fit(data);
        } else {
            ((org.deeplearning4j.nn.graph.ComputationGraph) model).fit(data);
        }
    }

    private static void setRate(org.deeplearning4j.nn.api.Model model, double rate) {
        if (model instanceof MultiLayerNetwork mln) {
            org.deeplearning4j.util.NetworkUtils.setLearningRate(mln, rate);
        } else {
            org.deeplearning4j.util.NetworkUtils.setLearningRate((org.deeplearning4j.nn.graph.ComputationGraph) model,
                    rate);
        }
    }

    @Test
    void aDeepLinearNetworkNearTheOriginSitsOnASaddle() {
        // Saxe, McClelland and Ganguli (2013): small initial weights put a deep linear network on
        // a saddle plateau; the gradient is tiny and the Hessian has negative curvature.
        TerrainListener listener = probingEvery(1_000_000).build();
        probeDeepLinearOnItsSaddle(listener);

        TerrainEvent probe = listener.events().stream().filter(e -> e.type() == EventType.CURVATURE_PROBE)
                .reduce((a, b) -> b).orElseThrow();
        assertThat(probe.curvature().lambdaMin()).isNegative();
        assertThat(listener.events()).anySatisfy(e -> assertThat(e.terrain()).isEqualTo(Terrain.SADDLE));
        TerrainEvent escape = listener.events().stream().filter(e -> e.type() == EventType.SADDLE_ESCAPE)
                .findFirst().orElseThrow();
        assertThat(escape.message()).startsWith("stepped ");
    }

    @Test
    void noStepIsTakenWhereTrainingWouldLeaveTheSaddleWithinThePatience() {
        TerrainListener listener = TerrainListener.builder().curvature(CurvatureOptions.DEFAULTS
                .withSchedule(new ProbeSchedule(1_000_000, 1_000_000, 0.99))
                .withEscape(new org.terrain4j.probe.SaddleEscape(0.01, 4, Integer.MAX_VALUE))).build();
        probeDeepLinearOnItsSaddle(listener);

        TerrainEvent escape = listener.events().stream().filter(e -> e.type() == EventType.SADDLE_ESCAPE)
                .findFirst().orElseThrow();
        double lambdaMin = escape.curvature().lambdaMin();
        assertThat(lambdaMin).isNegative();
        // Sgd at 0.01: training e-folds every 1 / ln(1 + 0.01 |lambda_min|) iterations, which is
        // within a patience of Integer.MAX_VALUE.
        assertThat(escape.message()).startsWith("no step: training leaves the saddle on its own")
                .contains(String.format(java.util.Locale.ROOT, "%.3g iterations",
                        1 / Math.log1p(0.01 * Math.abs(lambdaMin))))
                .contains("patience of " + Integer.MAX_VALUE);
    }

    /** Three iterations to warm up the gradient statistics (with a larger gradient than at the saddle, as
     * training would), then one with a probe. */
    private static void probeDeepLinearOnItsSaddle(TerrainListener listener) {
        MultiLayerNetwork net = deepLinear();
        net.addListeners(listener);
        DataSet data = linearTask();
        for (int i = 0; i < 3; i++) {
            net.fit(data);
        }
        listener.requestCurvatureProbe();
        net.fit(data);
    }

    @Test
    void escapingTheSaddleLowersTheLossFasterThanWaiting() {
        MultiLayerNetwork escaping = deepLinear();
        MultiLayerNetwork waiting = deepLinear();
        TerrainListener withEscape = probingEvery(10).build();
        TerrainListener reportOnly = TerrainListener.builder().curvature(CurvatureOptions.DEFAULTS
                .withSchedule(new ProbeSchedule(10, 1_000_000, 0.99)).withEscape(null)).build();
        escaping.addListeners(withEscape);
        waiting.addListeners(reportOnly);
        DataSet data = linearTask();

        for (int i = 0; i < 60; i++) {
            escaping.fit(data);
            waiting.fit(data);
        }

        assertThat(reportOnly.events()).noneMatch(e -> e.type() == EventType.SADDLE_ESCAPE);
        assertThat(escaping.score(data)).isLessThan(0.9 * waiting.score(data));
    }

    private static MultiLayerNetwork deepLinear() {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(1)
                .weightInit(new NormalDistribution(0, 1e-3)).updater(new Sgd(0.01)).list()
                .layer(new DenseLayer.Builder().nIn(6).nOut(6).activation(Activation.IDENTITY).hasBias(false).build())
                .layer(new DenseLayer.Builder().nIn(6).nOut(6).activation(Activation.IDENTITY).hasBias(false).build())
                .layer(new OutputLayer.Builder(LossFunction.MSE).nIn(6).nOut(6).activation(Activation.IDENTITY)
                        .hasBias(false).build())
                .build());
        net.init();
        return (MultiLayerNetwork) org.terrain4j.probe.NetworkHessian.float64(net);
    }

    /** Targets y = A x for a fixed A with distinct singular values. */
    private static DataSet linearTask() {
        Random random = new Random(3);
        double[][] a = new double[6][6];
        for (int i = 0; i < 6; i++) {
            a[i][i] = 3.0 - 0.4 * i;
        }
        double[] x = new double[256 * 6];
        double[] y = new double[256 * 6];
        for (int n = 0; n < 256; n++) {
            for (int j = 0; j < 6; j++) {
                x[n * 6 + j] = random.nextGaussian();
            }
            for (int i = 0; i < 6; i++) {
                double sum = 0;
                for (int j = 0; j < 6; j++) {
                    sum += a[i][j] * x[n * 6 + j];
                }
                y[n * 6 + i] = sum;
            }
        }
        return new DataSet(Nd4j.create(x, new long[] {256, 6}, 'c'), Nd4j.create(y, new long[] {256, 6}, 'c'));
    }
}
