package org.terrain4j.control;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.terrain4j.terrain.Classification;
import org.terrain4j.terrain.Terrain;

/**
 * Acts on plateaus as {@code ReduceLROnPlateau} does: each layer's learning rate becomes
 * {@link PlateauOptions#reduce(double)} of its current rate. When no layer can be reduced any
 * more (all at the minimum, or the reduction is below eps), it asks to stop if so configured.
 * The same decay serves the stationarity test ({@link StationarityOptions}), which decides
 * itself when to decay and calls {@link #decay(Map)}.
 */
public final class PlateauPolicy {

    private final DoubleUnaryOperator reduce;
    private final double minLearningRate;
    private final boolean stopAtMinimum;

    /**
     * @param options how rates are reduced
     * @param stopAtMinimum whether a plateau with every rate at its minimum requests a stop
     */
    public PlateauPolicy(PlateauOptions options, boolean stopAtMinimum) {
        this(options::reduce, options.minLearningRate(), stopAtMinimum);
    }

    /**
     * @param options how rates are decayed when the stationarity test fires
     * @param stopAtMinimum whether a decay with every rate at its minimum requests a stop
     */
    public PlateauPolicy(StationarityOptions options, boolean stopAtMinimum) {
        this(options::reduce, options.minLearningRate(), stopAtMinimum);
    }

    private PlateauPolicy(DoubleUnaryOperator reduce, double minLearningRate, boolean stopAtMinimum) {
        this.reduce = reduce;
        this.minLearningRate = minLearningRate;
        this.stopAtMinimum = stopAtMinimum;
    }

    /**
     * Decides what to do.
     *
     * @param classification the terrain at this check
     * @param currentRates the learning rate of each controlled layer now, by layer name
     */
    public Action decide(Classification classification, Map<String, Double> currentRates) {
        if (classification.terrain() != Terrain.PLATEAU) {
            return Action.NONE;
        }
        return decay(currentRates);
    }

    /** Whether no controlled rate can decay any more (each is at the minimum, or its cut is below eps). */
    public boolean allAtMinimum(Map<String, Double> currentRates) {
        return currentRates.entrySet().stream().allMatch(e -> !(reduce.applyAsDouble(e.getValue()) < e.getValue()));
    }

    /**
     * Decays every controlled layer's rate, or asks to stop when none can decay any more (if so
     * configured).
     *
     * @param currentRates the learning rate of each controlled layer now, by layer name
     */
    public Action decay(Map<String, Double> currentRates) {
        Map<String, Double> factors = new LinkedHashMap<>();
        currentRates.forEach((layer, rate) -> {
            double reduced = reduce.applyAsDouble(rate);
            if (reduced < rate) {
                factors.put(layer, reduced / rate);
            }
        });
        if (!factors.isEmpty()) {
            return new Action.ScaleLearningRate(factors);
        }
        return stopAtMinimum
                ? new Action.RequestStop("plateau persists with every learning rate at its minimum "
                        + minLearningRate)
                : Action.NONE;
    }
}
