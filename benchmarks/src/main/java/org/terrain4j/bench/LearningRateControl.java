package org.terrain4j.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.schedule.ISchedule;
import org.terrain4j.control.AveragingOptions;
import org.terrain4j.control.PlateauOptions;
import org.terrain4j.control.RiseOptions;
import org.terrain4j.control.StationarityOptions;
import org.terrain4j.control.TrainingBudget;
import org.terrain4j.listeners.CurvatureOptions;
import org.terrain4j.listeners.EventType;
import org.terrain4j.listeners.TerrainListener;
import org.terrain4j.listeners.TerrainListenerBuilder;
import org.terrain4j.listeners.ValidationMetric;
import org.terrain4j.schedule.Schedules;

/**
 * Learning-rate control across workloads, updaters and starting rates: constant, Terrain at its
 * defaults, Terrain's former plateau rule, PyTorch's default {@code ReduceLROnPlateau} (factor
 * 0.1, patience 10, on the validation loss each epoch), linear decay to zero over the known
 * budget, and Terrain with curvature probes.
 *
 * <p>Arguments: {@code workload[,..]|tuning|report variant[,..] seed[,..]}. Prints one
 * tab-separated line per run: workload, set, variant, rate, seed, final and best validation
 * accuracy, final validation loss, whether it diverged, Terrain's decays and kept rises, the final rate,
 * seconds, and the validation accuracy per epoch. The system property {@code terrain.stationarity}
 * ({@code confidence,factor,minSamples,growingWindows[,confirmations]}) and {@code terrain.rise} ({@code factor,maxRise,noiseScaleBelow},
 * or {@code off}) and {@code terrain.averaging} ({@code tail,samples,confidence}) replace Terrain's
 * defaults, for tuning. {@code terrain.rates} ({@code rate[,..]}) runs only those starting rates, and
 * {@code terrain.events=true} prints every run's events to standard error, to look at a cell.
 */
public final class LearningRateControl {

    /** The compared learning-rate controls. */
    enum Variant {
        CONSTANT, TERRAIN, TERRAIN_PLATEAU_RULE, REDUCE_LR_ON_PLATEAU, LINEAR_DECAY, TERRAIN_CURVATURE, TERRAIN_BUDGET,
        TERRAIN_NO_AVERAGING
    }

    public static void main(String[] args) {
        List<ControlWorkload> workloads = switch (args[0]) {
            case "tuning" -> Arrays.stream(ControlWorkload.values()).filter(w -> w.tuning).toList();
            case "report" -> Arrays.stream(ControlWorkload.values()).filter(w -> !w.tuning).toList();
            default -> Arrays.stream(args[0].split(",")).map(w -> ControlWorkload.valueOf(w.toUpperCase(Locale.ROOT))).toList();
        };
        List<Variant> variants = Arrays.stream(args[1].split(",")).map(v -> Variant.valueOf(v.toUpperCase(Locale.ROOT))).toList();
        long[] seeds = Arrays.stream(args[2].split(",")).mapToLong(Long::parseLong).toArray();
        // Only these starting rates of each workload (all when the property is unset): to look at one cell.
        List<Double> rates = Arrays.stream(System.getProperty("terrain.rates", "").split(","))
                .filter(r -> !r.isBlank()).map(Double::parseDouble).toList();
        for (ControlWorkload workload : workloads) {
            for (double rate : workload.rates) {
                if (!rates.isEmpty() && !rates.contains(rate)) {
                    continue;
                }
                for (long seed : seeds) {
                    for (Variant variant : variants) {
                        System.out.println(run(workload, variant, rate, seed));
                        System.out.flush();
                    }
                }
            }
        }
    }

    static String run(ControlWorkload workload, Variant variant, double rate, long seed) {
        DataSet train = workload.data.train().copy();
        DataSet validation = workload.data.validation();
        int batchesPerEpoch = (train.numExamples() + workload.batch - 1) / workload.batch;
        ISchedule schedule = variant == Variant.LINEAR_DECAY
                ? Schedules.linear(rate, 0, batchesPerEpoch * workload.epochs) : Schedules.constant(rate);
        Model net = workload.network.build(workload.data.shape(), workload.updater.apply(schedule), seed);
        TerrainListener listener = listener(variant, validation, workload.epochs);
        if (listener != null) {
            net.addListeners(listener);
        }
        long started = System.nanoTime();
        List<String> accuracies = new ArrayList<>();
        double best = 0;
        double accuracy = 0;
        boolean diverged = false;
        for (int epoch = 1; epoch <= workload.epochs && !diverged; epoch++) {
            train.shuffle(seed * 1000 + epoch);
            fit(net, new ListDataSetIterator<>(train.batchBy(workload.batch), 1));
            accuracy = evaluate(net, new ListDataSetIterator<>(validation.batchBy(1000), 1)).accuracy();
            diverged = !Double.isFinite(net.score());
            best = Math.max(best, accuracy);
            accuracies.add(String.format(Locale.ROOT, "%.4f", accuracy));
        }
        double loss = score(net, validation);
        if (listener != null && Boolean.getBoolean("terrain.events")) {
            listener.events().forEach(System.err::println);
        }
        long decays = listener == null ? 0 : listener.events().stream()
                .filter(e -> e.type() == EventType.LEARNING_RATE_SCALED).count();
        long rises = listener == null ? 0 : listener.events().stream()
                .filter(e -> e.type() == EventType.RATE_TRIAL && e.message().startsWith("rise kept")).count();
        return String.join("\t", workload.name().toLowerCase(Locale.ROOT), workload.tuning ? "tuning" : "report",
                variant.name().toLowerCase(Locale.ROOT), Double.toString(rate), Long.toString(seed),
                String.format(Locale.ROOT, "%.4f", accuracy), String.format(Locale.ROOT, "%.4f", best),
                String.format(Locale.ROOT, "%.4f", loss), Boolean.toString(diverged || !Double.isFinite(loss)),
                Long.toString(decays), Long.toString(rises), String.format(Locale.ROOT, "%.3g", finalRate(net)),
                String.format(Locale.ROOT, "%.1f", (System.nanoTime() - started) / 1e9), String.join(",", accuracies));
    }

    private static TerrainListener listener(Variant variant, DataSet validation, int epochs) {
        TerrainListenerBuilder builder = TerrainListener.builder();
        String tuned = System.getProperty("terrain.stationarity");
        if (tuned != null) {
            String[] p = tuned.split(",");
            builder.stationarity(new StationarityOptions(Double.parseDouble(p[0]), Double.parseDouble(p[1]), 0,
                    Integer.parseInt(p[2]), 1 << 14, Boolean.parseBoolean(p[3]), p.length > 4 ? Integer.parseInt(p[4])
                    : TerrainListenerBuilder.DEFAULT_STATIONARITY.confirmations()));
        }
        String averaging = System.getProperty("terrain.averaging");
        if (averaging != null) {
            String[] p = averaging.split(",");
            builder.averaging(new AveragingOptions(Double.parseDouble(p[0]), Integer.parseInt(p[1]),
                    Double.parseDouble(p[2])));
        }
        String rise = System.getProperty("terrain.rise");
        if ("off".equals(rise)) {
            builder.noRise();
        } else if (rise != null) {
            String[] p = rise.split(",");
            builder.rise(new RiseOptions(Double.parseDouble(p[0]), Double.parseDouble(p[1]), Double.parseDouble(p[2])));
        }
        return switch (variant) {
            case CONSTANT, LINEAR_DECAY -> null;
            case TERRAIN -> builder.build();
            case TERRAIN_PLATEAU_RULE -> builder.noRise().plateau(TerrainListenerBuilder.DEFAULT_PLATEAU).build();
            case REDUCE_LR_ON_PLATEAU -> builder.noRise().monitor(new ListDataSetIterator<>(validation.batchBy(1000), 1),
                            ValidationMetric.LOSS).plateau(PlateauOptions.PYTORCH_DEFAULTS).noiseDominatedThreshold(0).build();
            case TERRAIN_CURVATURE -> builder.curvature(CurvatureOptions.DEFAULTS).build();
            case TERRAIN_BUDGET -> builder.budget(TrainingBudget.epochs(epochs)).build();
            case TERRAIN_NO_AVERAGING -> builder.noAveraging().build();
        };
    }

    private static void fit(Model net, DataSetIterator batches) {
        if (net instanceof MultiLayerNetwork mln) {
            mln.fit(batches);
        } else {
            ((ComputationGraph) net).fit(batches);
        }
    }

    private static Evaluation evaluate(Model net, DataSetIterator batches) {
        return net instanceof MultiLayerNetwork mln ? mln.evaluate(batches) : ((ComputationGraph) net).evaluate(batches);
    }

    private static double score(Model net, DataSet data) {
        return net instanceof MultiLayerNetwork mln ? mln.score(data) : ((ComputationGraph) net).score(data);
    }

    private static double finalRate(Model net) {
        Double rate = net instanceof MultiLayerNetwork mln ? mln.getLearningRate(mln.getnLayers() - 1)
                : ((ComputationGraph) net).getLearningRate("out");
        return rate == null ? Double.NaN : rate;
    }
}
