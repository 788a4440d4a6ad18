package org.terrain4j.arbiter;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * Puts a candidate's schedule on every updater of a network configuration, before the network
 * is built: each updater's own learning rate becomes the schedule's base rate. Updaters shared
 * between layers are changed once; updaters without a learning rate (AdaDelta) are left alone.
 */
final class LearningRatePolicies {

    private LearningRatePolicies() {
    }

    static void apply(MultiLayerConfiguration configuration, ScheduleFamily family, int iterations, int warmupIterations) {
        Set<IUpdater> done = Collections.newSetFromMap(new IdentityHashMap<>());
        for (NeuralNetConfiguration layer : configuration.getConfs()) {
            apply(layer.getLayer(), family, iterations, warmupIterations, done);
        }
    }

    static void apply(ComputationGraphConfiguration configuration, ScheduleFamily family, int iterations,
            int warmupIterations) {
        Set<IUpdater> done = Collections.newSetFromMap(new IdentityHashMap<>());
        for (GraphVertex vertex : configuration.getVertices().values()) {
            if (vertex instanceof LayerVertex layerVertex) {
                apply(layerVertex.getLayerConf().getLayer(), family, iterations, warmupIterations, done);
            }
        }
    }

    private static void apply(Layer layer, ScheduleFamily family, int iterations, int warmupIterations, Set<IUpdater> done) {
        if (layer instanceof BaseLayer base) {
            schedule(base.getIUpdater(), family, iterations, warmupIterations, done);
            schedule(base.getBiasUpdater(), family, iterations, warmupIterations, done);
        }
    }

    private static void schedule(IUpdater updater, ScheduleFamily family, int iterations, int warmupIterations,
            Set<IUpdater> done) {
        if (updater == null || !updater.hasLearningRate() || !done.add(updater)) {
            return;
        }
        double base = updater.getLearningRate(0, 0);
        updater.setLrAndSchedule(base, family.schedule(base, iterations, warmupIterations));
    }
}
