package org.terrain4j.listeners;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.NetworkUtils;
import org.nd4j.linalg.learning.config.IUpdater;
import org.terrain4j.terrain.StabilityBound;
import org.nd4j.linalg.schedule.FixedSchedule;
import org.nd4j.linalg.schedule.ISchedule;
import org.terrain4j.schedule.ScaledSchedule;

/**
 * Reads and scales the learning rates of a {@link MultiLayerNetwork}'s or
 * {@link ComputationGraph}'s layers. Scaling never calls {@code setLearningRate(double)}, which
 * would delete a configured schedule: it wraps the layer's schedule (or its constant rate) in a
 * {@link ScaledSchedule} and adds a change of factor, through DL4J's
 * {@code setLearningRate(layer, ISchedule)}, which keeps the updater state (e.g. Adam moments).
 *
 * <p>Layers are named by their configured name, or by their index in a
 * {@code MultiLayerNetwork} when unnamed. Layers without parameters or whose updater has no
 * learning rate (AdaDelta, NoOp) are not controlled.
 */
final class NetworkLearningRates {

    private final Model network;
    private final Map<String, Integer> layerIndex = new LinkedHashMap<>();
    private final List<String> withoutLearningRate = new ArrayList<>();
    private final String firstLayer;

    private NetworkLearningRates(Model network, Layer[] layers) {
        this.network = network;
        List<String> names = NetworkCounters.layerNames(network);
        for (int i = 0; i < layers.length; i++) {
            if (!(layers[i].conf().getLayer() instanceof BaseLayer base) || layers[i].numParams() == 0) {
                continue;
            }
            String name = names.get(i);
            IUpdater updater = base.getIUpdater();
            if (updater != null && updater.hasLearningRate()) {
                layerIndex.put(name, i);
            } else {
                withoutLearningRate.add(name + " (" + (updater == null ? "no updater"
                        : updater.getClass().getSimpleName()) + ")");
            }
        }
        firstLayer = layerIndex.isEmpty() ? null : layerIndex.keySet().iterator().next();
    }

    /** The layers of a network; other model types are rejected with a message naming them. */
    static NetworkLearningRates of(Model model) {
        if (model instanceof MultiLayerNetwork mln) {
            return new NetworkLearningRates(mln, mln.getLayers());
        }
        if (model instanceof ComputationGraph graph) {
            return new NetworkLearningRates(graph, graph.getLayers());
        }
        throw new IllegalArgumentException("TerrainListener works on MultiLayerNetwork and ComputationGraph, got "
                + (model == null ? "null" : model.getClass().getName()));
    }

    /** The layers whose learning rate can be controlled, in network order. */
    List<String> layers() {
        return List.copyOf(layerIndex.keySet());
    }

    /** Layers with parameters whose updater has no learning rate, described for a warning. */
    List<String> layersWithoutLearningRate() {
        return Collections.unmodifiableList(withoutLearningRate);
    }

    /**
     * The tightest stability bound of the controlled layers' updaters at this iteration: gradient
     * descent's for Sgd, Nesterov's at the current momentum for Nesterovs, the preconditioned bounds
     * for Adam and RmsProp; {@link StabilityBound#NONE} as soon as one layer's updater is another adaptive one,
     * when Adam is mixed with the others, or when there is no layer.
     */
    StabilityBound stabilityBound(int iteration, int epoch) {
        StabilityBound tightest = null;
        for (String layer : layerIndex.keySet()) {
            IUpdater updater = updater(layer);
            StabilityBound bound;
            if (updater instanceof org.nd4j.linalg.learning.config.Sgd) {
                bound = StabilityBound.gradientDescent();
            } else if (updater instanceof org.nd4j.linalg.learning.config.Nesterovs nesterovs) {
                bound = StabilityBound.nesterov(nesterovs.currentMomentum(iteration, epoch));
            } else if (updater instanceof org.nd4j.linalg.learning.config.Adam adam) {
                bound = StabilityBound.adam(adam.getBeta1());
            } else if (updater instanceof org.nd4j.linalg.learning.config.RmsProp) {
                bound = StabilityBound.rmsProp();
            } else {
                return StabilityBound.NONE;
            }
            tightest = tightest == null ? bound : tightest.tighter(bound);
        }
        return tightest == null ? StabilityBound.NONE : tightest;
    }

    /**
     * How much the controlled layers' updaters amplify a step that persists from iteration to
     * iteration, the most of any layer: {@code 1 / (1 - mu)} for Nesterov momentum {@code mu}, 1
     * for Sgd, RmsProp and Adam (whose momentum averages the gradient instead of summing it, and
     * whose probe already sees the preconditioned Hessian); NaN when a layer's updater is another
     * adaptive one, whose dynamics along an eigenvector are not known here, or when there is no layer.
     */
    double momentumGain(int iteration, int epoch) {
        double gain = Double.NaN;
        for (String layer : layerIndex.keySet()) {
            IUpdater updater = updater(layer);
            double layerGain;
            if (updater instanceof org.nd4j.linalg.learning.config.Nesterovs nesterovs) {
                layerGain = 1 / (1 - nesterovs.currentMomentum(iteration, epoch));
            } else if (updater instanceof org.nd4j.linalg.learning.config.Sgd
                    || updater instanceof org.nd4j.linalg.learning.config.Adam
                    || updater instanceof org.nd4j.linalg.learning.config.RmsProp) {
                layerGain = 1;
            } else {
                return Double.NaN;
            }
            gain = Double.isNaN(gain) ? layerGain : Math.max(gain, layerGain);
        }
        return gain;
    }

    /** The learning rate a layer uses at the given iteration and epoch. */
    double learningRate(String layer, int iteration, int epoch) {
        return updater(layer).getLearningRate(iteration, epoch);
    }

    /** The first controlled layer's rate (NaN when none), read without allocating. */
    double firstLearningRate(int iteration, int epoch) {
        return firstLayer == null ? Double.NaN : learningRate(firstLayer, iteration, epoch);
    }

    /** Every controlled layer's learning rate at the given iteration and epoch. */
    Map<String, Double> learningRates(int iteration, int epoch) {
        Map<String, Double> rates = new LinkedHashMap<>();
        for (String layer : layerIndex.keySet()) {
            rates.put(layer, learningRate(layer, iteration, epoch));
        }
        return rates;
    }

    /** Multiplies a layer's learning rate by {@code factor} from {@code iteration} on. */
    void scale(String layer, int iteration, double factor) {
        ScaledSchedule current = scaledSchedule(updater(layer));
        ScaledSchedule scaled = current.scaledFrom(iteration, current.factorAt(iteration) * factor);
        if (network instanceof MultiLayerNetwork mln) {
            NetworkUtils.setLearningRate(mln, layerIndex.get(layer), scaled);
        } else {
            NetworkUtils.setLearningRate((ComputationGraph) network, layer, scaled);
        }
    }

    /** Anneals a layer's rate linearly to 0 from {@code start} to {@code end} (see {@link ScaledSchedule#withCooldown}). */
    void coolDown(String layer, int start, int end) {
        ScaledSchedule cooled = scaledSchedule(updater(layer)).withCooldown(start, end);
        if (network instanceof MultiLayerNetwork mln) {
            NetworkUtils.setLearningRate(mln, layerIndex.get(layer), cooled);
        } else {
            NetworkUtils.setLearningRate((ComputationGraph) network, layer, cooled);
        }
    }

    /** Whether some layer's schedule already cools down (a network saved during its cooldown). */
    boolean coolingDown() {
        for (String layer : layerIndex.keySet()) {
            if (configuredSchedule(updater(layer)) instanceof ScaledSchedule scaled && scaled.coolsDown()) {
                return true;
            }
        }
        return false;
    }

    private IUpdater updater(String layer) {
        Integer index = layerIndex.get(layer);
        if (index == null) {
            throw new IllegalArgumentException("no layer '" + layer + "' with a learning rate; layers: "
                    + layerIndex.keySet());
        }
        Layer[] layers = network instanceof MultiLayerNetwork mln ? mln.getLayers()
                : ((ComputationGraph) network).getLayers();
        return ((BaseLayer) layers[index].conf().getLayer()).getIUpdater();
    }

    /** The layer's schedule as a ScaledSchedule: its own, or its schedule or constant rate wrapped. */
    private static ScaledSchedule scaledSchedule(IUpdater updater) {
        ISchedule schedule = configuredSchedule(updater);
        if (schedule instanceof ScaledSchedule scaled) {
            return scaled;
        }
        return ScaledSchedule.of(schedule != null ? schedule : new FixedSchedule(updater.getLearningRate(0, 0)));
    }

    /**
     * Every ND4J updater with a learning rate (Sgd, Nesterovs, Adam, Nadam, AdaMax,
     * AMSGrad, RmsProp, AdaGrad) has a {@code getLearningRateSchedule()} bean getter, but
     * {@link IUpdater} does not declare it.
     */
    private static ISchedule configuredSchedule(IUpdater updater) {
        try {
            Method getter = updater.getClass().getMethod("getLearningRateSchedule");
            return (ISchedule) getter.invoke(updater);
        } catch (NoSuchMethodException e) {
            return null;
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read the learning-rate schedule of "
                    + updater.getClass().getSimpleName(), e);
        }
    }
}
