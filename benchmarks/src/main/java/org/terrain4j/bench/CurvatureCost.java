package org.terrain4j.bench;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;
import org.terrain4j.control.ProbeSchedule;
import org.terrain4j.probe.ProbedNetwork;
import org.terrain4j.probe.ProductPrecision;
import org.terrain4j.demo.DemoNetworks;
import org.terrain4j.listeners.CurvatureOptions;
import org.terrain4j.listeners.TerrainListener;

/**
 * Cost of curvature probes on the MLP 784-256-128-10, batch 128, synthetic data, one JVM:
 * (1) one Hessian-vector product (float64 as the listener makes them, and float32) against one
 * training iteration, interleaved, medians;
 * (2) training with probes (20 products every 1000 iterations) against training with the same
 * listener without probes, in alternating blocks of 1000 iterations of one network.
 *
 * <p>Arguments: {@code rounds}.
 */
public final class CurvatureCost {

    public static void main(String[] args) {
        int rounds = Integer.parseInt(args[0]);
        List<DataSet> data = BenchmarkSupport.syntheticBatches();
        MultiLayerNetwork net = DemoNetworks.mlp(784, List.of(256, 128), 10, 0.01, 1);
        for (int i = 0; i < 100; i++) {
            net.fit(data.get(i % data.size()));
        }
        double[] v = new double[(int) net.numParams()];
        Random random = new Random(1);
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextGaussian();
        }
        double[] out = new double[v.length];
        double[] iteration = new double[rounds * 5];
        double[] product = new double[rounds * 5];
        double[] product32 = new double[rounds * 5];
        ProbedNetwork float64 = new ProbedNetwork(net, ProductPrecision.FLOAT64);
        ProbedNetwork float32 = new ProbedNetwork(net, ProductPrecision.NETWORK);
        for (int r = 0; r < rounds * 5; r++) {
            long start = System.nanoTime();
            for (int i = 0; i < 20; i++) {
                net.fit(data.get(i % data.size()));
            }
            iteration[r] = (System.nanoTime() - start) / 20e6;
            product[r] = productMillis(float64, data.get(r % data.size()), v, out);
            product32[r] = productMillis(float32, data.get(r % data.size()), v, out);
        }
        System.out.println("| measure | value | target |");
        System.out.println("|---|---|---|");
        System.out.printf(Locale.ROOT, "| one Hessian-vector product in float64 (the default: shadow refresh, batch cast "
                + "and base gradient included, 5 products a probe) / one training iteration (%.2f ms / %.2f ms, medians) "
                + "| %.2f | at most 2.5 |%n", BenchmarkSupport.median(product), BenchmarkSupport.median(iteration),
                BenchmarkSupport.median(product) / BenchmarkSupport.median(iteration));
        System.out.printf(Locale.ROOT, "| the same in float32 central differences (`ProductPrecision.NETWORK`; %.2f ms) | "
                + "%.2f | |%n", BenchmarkSupport.median(product32),
                BenchmarkSupport.median(product32) / BenchmarkSupport.median(iteration));

        // One network for both kinds of block, which swap listeners, so that where two networks'
        // arrays lie cannot bias the ratio.
        MultiLayerNetwork trained = DemoNetworks.mlp(784, List.of(256, 128), 10, 0.01, 1);
        // A 20-product probe: 2 for the symmetry check and 18 Lanczos steps; no saddle escape.
        CurvatureOptions twentyProducts = new CurvatureOptions(new ProbeSchedule(1000, Integer.MAX_VALUE, 0.5), 18,
                CurvatureOptions.DEFAULTS.symmetryTolerance(), CurvatureOptions.DEFAULTS.classifier(),
                CurvatureOptions.DEFAULTS.capMargin(), 42, null,
                CurvatureOptions.DEFAULTS.instability(), CurvatureOptions.DEFAULTS.precision());
        TerrainListener withProbes = TerrainListener.builder().curvature(twentyProducts).noRollback().build();
        TerrainListener withoutProbes = new TerrainListener();
        double[] ratios = new double[rounds];
        double[] probeShares = new double[rounds];
        int probesBefore = 0;
        for (int r = 0; r < rounds; r++) {
            long a = block(trained, r % 2 == 0 ? withProbes : withoutProbes, data);
            long b = block(trained, r % 2 == 0 ? withoutProbes : withProbes, data);
            ratios[r] = r % 2 == 0 ? (double) a / b : (double) b / a;
            // The probes' own clock inside this probing block: far less noisy than a ratio of two blocks.
            double[] millis = probeMillis(withProbes);
            double probed = 0;
            for (int i = probesBefore; i < millis.length; i++) {
                probed += millis[i];
            }
            probesBefore = millis.length;
            double blockMillis = (r % 2 == 0 ? a : b) / 1e6;
            probeShares[r] = probed / (blockMillis - probed);
        }
        double[] probeMillis = probeMillis(withProbes);
        System.out.printf(Locale.ROOT, "| training time with a 20-product probe every 1000 iterations / without "
                + "(%d blocks of 1000 iterations each, %d probes, median ratio) | %.4f (%+.1f%%) | at most 1.05 |%n",
                rounds, probeMillis.length, BenchmarkSupport.median(ratios), (BenchmarkSupport.median(ratios) - 1) * 100);
        double share = BenchmarkSupport.median(probeShares);
        System.out.printf(Locale.ROOT, "| the same, from the probes' own time: in each probing block, probe milliseconds "
                + "/ the block's other milliseconds, median of the blocks (median probe %.0f ms) | %.4f (%+.1f%%) | "
                + "at most 1.05 |%n", BenchmarkSupport.median(probeMillis), 1 + share, share * 100);
    }

    private static double[] probeMillis(TerrainListener listener) {
        return listener.events().stream()
                .filter(e -> e.type() == org.terrain4j.listeners.EventType.CURVATURE_PROBE)
                .mapToDouble(e -> e.curvature().millis()).toArray();
    }

    private static double productMillis(ProbedNetwork probed, DataSet batch, double[] v, double[] out) {
        long start = System.nanoTime();
        probed.probe(batch, h -> {
            for (int i = 0; i < 5; i++) {
                h.apply(v, out);
            }
            return null;
        });
        return (System.nanoTime() - start) / 5e6;
    }

    private static long block(MultiLayerNetwork net, TerrainListener listener, List<DataSet> data) {
        net.setListeners(listener);
        long start = System.nanoTime();
        BenchmarkSupport.train(net, data, 1000);
        return System.nanoTime() - start;
    }
}
