package org.terrain4j.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.terrain4j.demo.DemoNetworks;
import org.terrain4j.listeners.CheckSchedule;
import org.terrain4j.listeners.TerrainListener;

/**
 * Per-iteration overhead of Terrain's listener, side by side in one JVM: MLP 784-256-128-10,
 * batch 128, SGD with Nesterov momentum. Each round trains a block of iterations on every
 * variant in turn (the order rotates each round), so machine noise hits all variants alike;
 * the table gives the median time per iteration and the median of the per-round ratios to
 * the baseline.
 *
 * <p>Variants: no listener; an empty listener (what DL4J itself spends on having one); gradient
 * statistics only (the listener with its periodic extras
 * pushed out of reach); the whole listener with its defaults.
 *
 * <p>Arguments: {@code rounds iterationsPerBlock}.
 */
public final class Overhead {

    private static final int BATCHES = 16;

    public static void main(String[] args) {
        int rounds = Integer.parseInt(args[0]);
        int block = Integer.parseInt(args[1]);
        List<String> names = List.of("no listener", "empty DL4J listener", "gradient statistics only",
                "TerrainListener (defaults)");
        List<MultiLayerNetwork> nets = new ArrayList<>();
        for (int v = 0; v < names.size(); v++) {
            MultiLayerNetwork net = DemoNetworks.mlp(784, List.of(256, 128), 10, 0.01, 1);
            if (v == 1) {
                net.addListeners(new org.deeplearning4j.optimize.api.BaseTrainingListener() {
                });
            } else if (v == 2) {
                net.addListeners(TerrainListener.builder().layerStatisticsPeriod(Integer.MAX_VALUE)
                        .noiseScale(Integer.MAX_VALUE, 2, 0.9).checks(CheckSchedule.EACH_EPOCH).build());
            } else if (v == 3) {
                net.addListeners(new TerrainListener());
            }
            nets.add(net);
        }
        List<DataSet> data = batches();
        for (MultiLayerNetwork net : nets) {
            train(net, data, block * 2); // warm-up: JIT, workspaces
        }
        double[][] perIteration = new double[names.size()][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < names.size(); k++) {
                int v = (r + k) % names.size();
                long start = System.nanoTime();
                train(nets.get(v), data, block);
                perIteration[v][r] = (System.nanoTime() - start) / 1e6 / block;
            }
        }
        System.out.println("| variant | median ms / iteration | median ratio to no listener | overhead |");
        System.out.println("|---|---|---|---|");
        for (int v = 0; v < names.size(); v++) {
            double[] ratios = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                ratios[r] = perIteration[v][r] / perIteration[0][r];
            }
            double ratio = median(ratios);
            System.out.printf(Locale.ROOT, "| %s | %.3f | %.4f | %+.1f%% |%n", names.get(v), median(perIteration[v]),
                    ratio, (ratio - 1) * 100);
        }
    }

    private static void train(MultiLayerNetwork net, List<DataSet> data, int iterations) {
        for (int i = 0; i < iterations; i++) {
            net.fit(data.get(i % data.size()));
        }
    }

    static List<DataSet> batches() {
        Random random = new Random(5);
        List<DataSet> batches = new ArrayList<>();
        for (int b = 0; b < BATCHES; b++) {
            float[] x = new float[128 * 784];
            float[] y = new float[128 * 10];
            for (int i = 0; i < x.length; i++) {
                x[i] = random.nextFloat();
            }
            for (int i = 0; i < 128; i++) {
                y[i * 10 + random.nextInt(10)] = 1;
            }
            batches.add(new DataSet(Nd4j.create(x, new long[] {128, 784}, 'c'), Nd4j.create(y, new long[] {128, 10}, 'c')));
        }
        return batches;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
