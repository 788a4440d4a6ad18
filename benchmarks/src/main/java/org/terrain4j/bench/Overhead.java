package org.terrain4j.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.dataset.DataSet;
import org.terrain4j.demo.DemoNetworks;
import org.terrain4j.listeners.CheckSchedule;
import org.terrain4j.listeners.TerrainListener;
import org.terrain4j.listeners.TerrainListenerBuilder;

/**
 * Per-iteration overhead of Terrain's listener, side by side in one JVM: MLP 784-256-128-10,
 * batch 128, SGD with Nesterov momentum. Each round trains a block of iterations on every
 * variant in turn (the order rotates each round), so machine noise hits all variants alike;
 * the table gives the median time per iteration and the median of the per-round ratios to
 * the baseline.
 *
 * <p>Variants: no listener; an empty listener (what DL4J itself spends on having one); gradient
 * statistics only (the listener with its periodic extras pushed out of reach, under the plateau
 * rule, which sums no gradients); the whole listener with its defaults (the stationarity test,
 * rate rises and the rollback snapshots that come with them); the same without rollback.
 *
 * <p>Separate network instances train at speeds a few percent apart of their own (an empty
 * listener, which costs nothing, has measured from -12% to +9% with one instance per variant), so
 * each variant trains several instances, made in turn and timed in the rotation, and a round's time
 * is the mean over them; and each listener is also wrapped in a {@link TimedListener}: the last
 * columns give the time spent inside its callbacks, per iteration and as a share of the
 * iteration, which no instance's speed enters.
 *
 * <p>Each block is one epoch of {@code fit(iterator)}, so the epoch-end work (checks, tail
 * averaging) is counted at its real frequency for epochs of that length.
 *
 * <p>Arguments: {@code rounds iterationsPerBlock [instancesPerVariant]} (one instance when omitted).
 */
public final class Overhead {

    public static void main(String[] args) {
        int rounds = Integer.parseInt(args[0]);
        int block = Integer.parseInt(args[1]);
        int instances = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        if (rounds < 1 || block < 1 || instances < 1) {
            throw new IllegalArgumentException("rounds, block and instances must be positive, got " + rounds + ", "
                    + block + ", " + instances);
        }
        List<String> names = List.of("no listener", "empty DL4J listener", "gradient statistics only",
                "TerrainListener (defaults)", "TerrainListener (defaults, no rollback)");
        // Instance k of variant v is nets.get(k * names.size() + v): the variants' instances are made in turn.
        List<MultiLayerNetwork> nets = new ArrayList<>();
        List<TimedListener> timed = new ArrayList<>();
        for (int k = 0; k < instances; k++) {
            for (int v = 0; v < names.size(); v++) {
                MultiLayerNetwork net = DemoNetworks.mlp(784, List.of(256, 128), 10, 0.01, 1);
                TrainingListener listener = switch (v) {
                    case 0 -> null;
                    case 1 -> new BaseTrainingListener() {
                    };
                    case 2 -> TerrainListener.builder().layerStatisticsPeriod(Integer.MAX_VALUE)
                            .noiseScale(Integer.MAX_VALUE, 2, 0.9).checks(CheckSchedule.EACH_EPOCH)
                            .plateau(TerrainListenerBuilder.DEFAULT_PLATEAU).build();
                    case 3 -> new TerrainListener();
                    default -> TerrainListener.builder().noRollback().build();
                };
                TimedListener clock = listener == null ? null : new TimedListener(listener);
                if (clock != null) {
                    net.addListeners(clock);
                }
                timed.add(clock);
                nets.add(net);
            }
        }
        List<DataSet> data = BenchmarkSupport.syntheticBatches();
        for (MultiLayerNetwork net : nets) {
            epoch(net, data, block);  // warm-up: JIT, workspaces; the first epoch teaches Terrain its length
            epoch(net, data, block);
        }
        // Per round and variant: the mean over its instances of the time per iteration, and of the time inside the listener.
        double[][] perIteration = new double[names.size()][rounds];
        double[][] inListener = new double[names.size()][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int j = 0; j < nets.size(); j++) {
                int run = (r + j) % nets.size();
                int v = run % names.size();
                TimedListener clock = timed.get(run);
                if (clock != null) {
                    clock.takeNanos();
                }
                long start = System.nanoTime();
                epoch(nets.get(run), data, block);
                perIteration[v][r] += (System.nanoTime() - start) / 1e6 / block / instances;
                inListener[v][r] += clock == null ? 0 : clock.takeNanos() / 1e6 / block / instances;
            }
        }
        printTable(names, perIteration, inListener, rounds);
    }

    /**
     * One epoch of {@code iterations} batches through {@code fit(iterator)}, so that the epoch
     * callbacks run as in users' training (tail averaging works at epoch ends).
     */
    private static void epoch(MultiLayerNetwork net, List<DataSet> data, int iterations) {
        List<DataSet> batches = new ArrayList<>(iterations);
        for (int i = 0; i < iterations; i++) {
            batches.add(data.get(i % data.size()));
        }
        net.fit(new ListDataSetIterator<>(batches, 1));
    }

    private static void printTable(List<String> names, double[][] perIteration, double[][] inListener, int rounds) {
        System.out.println("| variant | median ms / iteration | median ratio to no listener | overhead |"
                + " in the listener, ms / iteration | in the listener, share of the iteration |");
        System.out.println("|---|---|---|---|---|---|");
        for (int v = 0; v < names.size(); v++) {
            double[] ratios = new double[rounds];
            double[] shares = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                ratios[r] = perIteration[v][r] / perIteration[0][r];
                shares[r] = inListener[v][r] / perIteration[v][r];
            }
            double ratio = BenchmarkSupport.median(ratios);
            System.out.printf(Locale.ROOT, "| %s | %.3f | %.4f | %+.1f%% | %.4f | %.2f%% |%n", names.get(v),
                    BenchmarkSupport.median(perIteration[v]), ratio, (ratio - 1) * 100,
                    BenchmarkSupport.median(inListener[v]), 100 * BenchmarkSupport.median(shares));
        }
    }
}
