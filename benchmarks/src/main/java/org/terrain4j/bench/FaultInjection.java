package org.terrain4j.bench;

import java.util.List;
import java.util.Locale;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.NetworkUtils;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Adam;
import org.terrain4j.control.ProbeSchedule;
import org.terrain4j.control.RollbackPolicy;
import org.terrain4j.data.DatasetSplit;
import org.terrain4j.data.Datasets;
import org.terrain4j.demo.DemoNetworks;
import org.terrain4j.listeners.CurvatureOptions;
import org.terrain4j.listeners.EventType;
import org.terrain4j.listeners.TerrainListener;

/**
 * Divergence recovery on the digits MLP, once with SGD Nesterov momentum and once with Adam (batch 32, rollback snapshots every 10
 * iterations, curvature probes every 10 iterations within 30% of the time, so that a rate far
 * too high is capped below the stability bound even where the loss stays finite): faults are injected every 25 iterations, alternately a batch whose features hold
 * NaN and a learning rate set 1000 times too high. A fault counts as recovered when, 20
 * iterations later, the validation loss is finite and below twice its value before the fault.
 *
 * <p>Arguments: {@code faults}; {@code -Dtrace=1} prints each fault's outcome to stderr.
 */
public final class FaultInjection {

    public static void main(String[] args) {
        int faults = Integer.parseInt(args[0]);
        DatasetSplit digits = Datasets.digits(1);
        String[] names = {"SGD Nesterov 0.9, rate 0.05", "Adam, rate 0.001"};
        Outcome[] outcomes = {
            run(DemoNetworks.mlp(64, List.of(128, 64), 10, 0.05, 1), digits, faults),
            run(DemoNetworks.mlp(64, List.of(128, 64), 10, new Adam(0.001), 1), digits, faults)};
        System.out.println("| measure | " + String.join(" | ", names) + " | target |");
        System.out.println("|---|---|---|---|");
        System.out.printf(Locale.ROOT, "| faults injected (NaN batches and learning rates x1000, alternately) | %d | %d | "
                + "at least 100 |%n", faults, faults);
        System.out.printf(Locale.ROOT, "| recovered (validation loss finite and below twice its pre-fault value 20 "
                + "iterations later) | %d | %d | all |%n", outcomes[0].recovered(), outcomes[1].recovered());
        System.out.printf(Locale.ROOT, "| rollbacks | %d | %d | |%n", outcomes[0].rollbacks(), outcomes[1].rollbacks());
        System.out.printf(Locale.ROOT, "| rates capped by a probe | %d | %d | |%n", outcomes[0].caps(), outcomes[1].caps());
        System.out.printf(Locale.ROOT, "| exceptions that escaped fit() | %d | %d | 0 |%n", outcomes[0].exceptions(),
                outcomes[1].exceptions());
        System.out.printf(Locale.ROOT, "| final validation loss | %.4f | %.4f | finite |%n", outcomes[0].finalLoss(),
                outcomes[1].finalLoss());
    }

    /** One updater's tally. */
    private record Outcome(int recovered, long rollbacks, long caps, int exceptions, double finalLoss) {
    }

    private static Outcome run(MultiLayerNetwork net, DatasetSplit digits, int faults) {
        TerrainListener listener = TerrainListener.builder().curvature(CurvatureOptions.DEFAULTS
                .withSchedule(new ProbeSchedule(10, 10, 0.3))).rollback(new RollbackPolicy(10, 0.5)).build();
        net.addListeners(listener);
        List<DataSet> batches = digits.train().batchBy(32);
        int step = 0;
        for (int i = 0; i < 100; i++) {
            net.fit(batches.get(step++ % batches.size()));
        }
        int recovered = 0;
        int exceptions = 0;
        for (int fault = 0; fault < faults; fault++) {
            double before = net.score(digits.validation());
            try {
                if (fault % 2 == 0) {
                    DataSet poisoned = batches.get(step++ % batches.size()).copy();
                    poisoned.getFeatures().putScalar(0, 0, Double.NaN);
                    net.fit(poisoned);
                } else {
                    NetworkUtils.setLearningRate(net, net.getLearningRate(0) * 1000);
                }
                for (int i = 0; i < 20; i++) {
                    net.fit(batches.get(step++ % batches.size()));
                }
            } catch (RuntimeException e) {
                exceptions++;
            }
            double after = net.score(digits.validation());
            if (System.getProperty("trace") != null) {
                System.err.printf(Locale.ROOT, "fault %d (%s): val loss %.4f -> %.4f, lr %.3g, rollbacks %d%n", fault,
                        fault % 2 == 0 ? "NaN batch" : "lr x1000", before, after, net.getLearningRate(0),
                        listener.events().stream().filter(e -> e.type() == EventType.ROLLBACK).count());
            }
            if (Double.isFinite(after) && after < 2 * before) {
                recovered++;
            }
            for (int i = 0; i < 5; i++) {
                net.fit(batches.get(step++ % batches.size()));
            }
        }
        return new Outcome(recovered, count(listener, EventType.ROLLBACK), count(listener, EventType.LEARNING_RATE_SCALED),
                exceptions, net.score(digits.validation()));
    }

    private static long count(TerrainListener listener, EventType type) {
        return listener.events().stream().filter(e -> e.type() == type).count();
    }
}
