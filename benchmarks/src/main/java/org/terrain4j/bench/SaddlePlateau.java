package org.terrain4j.bench;

import java.util.Locale;
import java.util.Random;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.distribution.NormalDistribution;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;
import org.terrain4j.probe.NetworkHessian;
import org.terrain4j.listeners.CurvatureOptions;
import org.terrain4j.listeners.EventType;
import org.terrain4j.listeners.TerrainListener;
import org.terrain4j.terrain.Terrain;

/**
 * The saddle plateau of a deep linear network with small initial weights (Saxe, McClelland and
 * Ganguli 2013): a 3-layer linear 6-6-6-6 network (float64) learning y = A x with SGD at rate
 * 0.01. For each seed, iterations until the loss falls below half its initial value, with plain
 * SGD and with Terrain's curvature probes (defaults: probes when stalling, saddle escape), and
 * whether Terrain reported SADDLE during the plateau.
 *
 * <p>Arguments: {@code seeds maxIterations}.
 */
public final class SaddlePlateau {

    public static void main(String[] args) {
        int seeds = Integer.parseInt(args[0]);
        int max = Integer.parseInt(args[1]);
        System.out.println("| seed | plain SGD: iterations to half the loss | Terrain: iterations | ratio | "
                + "SADDLE reported | escapes accepted |");
        System.out.println("|---|---|---|---|---|---|");
        double[] ratios = new double[seeds];
        int reported = 0;
        for (int seed = 1; seed <= seeds; seed++) {
            DataSet data = task(seed);
            int plain = iterationsToHalf(network(seed), data, max);
            MultiLayerNetwork net = network(seed);
            TerrainListener listener = TerrainListener.builder().curvature(CurvatureOptions.DEFAULTS).build();
            net.addListeners(listener);
            int terrain = iterationsToHalf(net, data, max);
            boolean saddle = listener.events().stream().anyMatch(e -> e.terrain() == Terrain.SADDLE);
            long escapes = listener.events().stream().filter(e -> e.type() == EventType.SADDLE_ESCAPE
                    && e.message().startsWith("stepped")).count();
            ratios[seed - 1] = (double) terrain / plain;
            reported += saddle ? 1 : 0;
            System.out.printf(Locale.ROOT, "| %d | %s%d | %s%d | %s%.3f | %s | %d |%n", seed, plain == max ? "over " : "",
                    plain, terrain == max ? "over " : "", terrain, plain == max && terrain < max ? "under " : "",
                    ratios[seed - 1], saddle ? "yes" : "no", escapes);
        }
        System.out.printf(Locale.ROOT, "%nMedian ratio Terrain / plain SGD: %.3f, an upper bound where plain SGD "
                + "ran out of iterations (target at most 0.5); SADDLE reported "
                + "in %d of %d seeds (target all).%n", BenchmarkSupport.median(ratios), reported, seeds);
    }

    private static int iterationsToHalf(MultiLayerNetwork net, DataSet data, int max) {
        double initial = net.score(data);
        for (int i = 1; i <= max; i++) {
            net.fit(data);
            if (net.score(data) < initial / 2) {
                return i;
            }
        }
        return max;
    }

    static MultiLayerNetwork network(long seed) {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(seed)
                .weightInit(new NormalDistribution(0, 1e-3)).updater(new Sgd(0.01)).list()
                .layer(new DenseLayer.Builder().nIn(6).nOut(6).activation(Activation.IDENTITY).hasBias(false).build())
                .layer(new DenseLayer.Builder().nIn(6).nOut(6).activation(Activation.IDENTITY).hasBias(false).build())
                .layer(new OutputLayer.Builder(LossFunction.MSE).nIn(6).nOut(6).activation(Activation.IDENTITY)
                        .hasBias(false).build())
                .build());
        net.init();
        return (MultiLayerNetwork) NetworkHessian.float64(net);
    }

    /** y = A x with A diagonal 3.0, 2.6, ..., 1.0 and standard normal x. */
    static DataSet task(long seed) {
        Random random = new Random(seed);
        double[] x = new double[256 * 6];
        double[] y = new double[256 * 6];
        for (int n = 0; n < 256; n++) {
            for (int j = 0; j < 6; j++) {
                x[n * 6 + j] = random.nextGaussian();
                y[n * 6 + j] = (3.0 - 0.4 * j) * x[n * 6 + j];
            }
        }
        return new DataSet(Nd4j.create(x, new long[] {256, 6}, 'c'), Nd4j.create(y, new long[] {256, 6}, 'c'));
    }
}
