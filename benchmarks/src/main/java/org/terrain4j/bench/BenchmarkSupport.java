package org.terrain4j.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/** What the benchmarks share: the synthetic batches of the benchmark MLP, training loops, medians. */
final class BenchmarkSupport {

    private static final int BATCHES = 16;

    private BenchmarkSupport() {
    }

    /** 16 seeded batches of 128 random 784-pixel inputs with random one-hot labels. */
    static List<DataSet> syntheticBatches() {
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

    /** Trains {@code iterations} mini-batches, cycling through {@code data}. */
    static void train(MultiLayerNetwork net, List<DataSet> data, int iterations) {
        for (int i = 0; i < iterations; i++) {
            net.fit(data.get(i % data.size()));
        }
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
