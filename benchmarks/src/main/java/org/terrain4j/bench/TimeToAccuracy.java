package org.terrain4j.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.terrain4j.control.PlateauOptions;
import org.terrain4j.data.DatasetSplit;
import org.terrain4j.data.Datasets;
import org.terrain4j.demo.DemoNetworks;
import org.terrain4j.demo.EpochRecord;
import org.terrain4j.demo.RunResult;
import org.terrain4j.demo.TrainingProgress;
import org.terrain4j.demo.TrainingRun;
import org.terrain4j.listeners.TerrainListener;
import org.terrain4j.listeners.ValidationMetric;

/**
 * Time to accuracy on Fashion-MNIST (first 50k training images train, last 10k validate), MLP
 * 784-256-128-10 ReLU, SGD with Nesterov momentum 0.9, batch 128: epochs until the validation
 * accuracy first reaches the target, and the best validation accuracy, for a constant learning
 * rate, Terrain with its defaults, and Terrain configured as PyTorch's
 * {@code ReduceLROnPlateau(factor=0.1, patience=2)} on the validation loss.
 *
 * <p>Arguments: {@code epochs target lr[,lr..] seed[,seed..] variant[,variant..]}; prints one
 * tab-separated line per run: variant, lr, seed, epochs to target (or "-"), best validation
 * accuracy, epoch of the best, learning rate per epoch. {@code -Dterrain.events=true} prints every
 * run's events to standard error, to look at a run.
 */
public final class TimeToAccuracy {

    static final int BATCH = 128;

    /** The compared learning-rate controls. */
    enum Variant {
        CONSTANT(data -> null),
        TERRAIN_DEFAULTS(data -> new TerrainListener()),
        TERRAIN_AS_REDUCE_LR_ON_PLATEAU(data -> TerrainListener.builder()
                .monitor(data.validationIterator(1000), ValidationMetric.LOSS)
                .plateau(PlateauOptions.PYTORCH_DEFAULTS.withPatience(2))
                .noiseDominatedThreshold(0)
                .build());

        private final Function<DatasetSplit, TerrainListener> listener;

        Variant(Function<DatasetSplit, TerrainListener> listener) {
            this.listener = listener;
        }
    }

    public static void main(String[] args) {
        int epochs = Integer.parseInt(args[0]);
        double target = Double.parseDouble(args[1]);
        double[] rates = Arrays.stream(args[2].split(",")).mapToDouble(Double::parseDouble).toArray();
        long[] seeds = Arrays.stream(args[3].split(",")).mapToLong(Long::parseLong).toArray();
        List<Variant> variants = Arrays.stream(args[4].split(",")).map(v -> Variant.valueOf(v.toUpperCase(Locale.ROOT)))
                .toList();
        DatasetSplit data = Datasets.fashionMnist();
        for (double rate : rates) {
            for (long seed : seeds) {
                for (Variant variant : variants) {
                    System.out.println(run(data, variant, rate, seed, epochs, target));
                }
            }
        }
    }

    static String run(DatasetSplit data, Variant variant, double rate, long seed, int epochs, double target) {
        MultiLayerNetwork net = DemoNetworks.mlp(784, List.of(256, 128), 10, rate, seed);
        TerrainListener listener = variant.listener.apply(data);
        if (listener != null) {
            net.addListeners(listener);
        }
        RunResult result = new TrainingRun(data, BATCH, seed).train(variant.name(), net, epochs,
                TrainingProgress.NONE, TrainingRun.ChangeLog.NONE);
        if (listener != null && Boolean.getBoolean("terrain.events")) {
            listener.events().forEach(System.err::println);
        }
        String reached = result.epochs().stream().filter(e -> e.validationAccuracy() >= target)
                .map(e -> Integer.toString(e.epoch())).findFirst().orElse("-");
        List<String> lrs = new ArrayList<>();
        List<String> accs = new ArrayList<>();
        for (EpochRecord e : result.epochs()) {
            lrs.add(String.format(Locale.ROOT, "%.3g", e.learningRate()));
            accs.add(String.format(Locale.ROOT, "%.4f", e.validationAccuracy()));
        }
        EpochRecord best = result.bestEpoch();
        return String.join("\t", variant.name().toLowerCase(Locale.ROOT), Double.toString(rate), Long.toString(seed),
                reached, String.format(Locale.ROOT, "%.4f", best.validationAccuracy()), Integer.toString(best.epoch()),
                String.join(",", lrs), String.join(",", accs));
    }
}
