package org.terrain4j.listeners;

import org.deeplearning4j.earlystopping.termination.EpochTerminationCondition;
import org.deeplearning4j.earlystopping.termination.IterationTerminationCondition;
import org.terrain4j.terrain.Terrain;

/**
 * Stops DL4J's {@code EarlyStoppingTrainer} (or {@code EarlyStoppingGraphTrainer}) when Terrain
 * says training is done: DL4J's {@code fit} cannot be stopped from a listener, and its early
 * stopping is how DL4J users stop. Add it as both an epoch and an iteration termination
 * condition, next to the listener it reads:
 *
 * <pre>{@code
 * TerrainListener terrain = TerrainListener.builder().minLearningRate(1e-4).stopAtMinimum(true).build();
 * net.addListeners(terrain);
 * TerrainTermination done = new TerrainTermination(terrain);
 * EarlyStoppingConfiguration<MultiLayerNetwork> config = new EarlyStoppingConfiguration.Builder<MultiLayerNetwork>()
 *         .epochTerminationConditions(new MaxEpochsTerminationCondition(200), done)
 *         .iterationTerminationConditions(done)
 *         .scoreCalculator(new DataSetLossCalculator(validation, true))
 *         .modelSaver(new LocalFileModelSaver(folder)).build();
 * EarlyStoppingResult<MultiLayerNetwork> result = new EarlyStoppingTrainer(config, net, train).fit();
 * }</pre>
 *
 * <ul>
 * <li><b>At an epoch's end</b>: stop when the rate has reached its floor at the noise floor, that
 *     is when the listener asked to stop ({@link TerrainListener#stopRequested}: its test found
 *     training stationary, or making no progress, with every controlled rate already at
 *     {@code minLearningRate}; the
 *     listener needs {@code stopAtMinimum(true)}, which {@link #initialize} checks). Nothing more
 *     is to be had at any rate Terrain may set.</li>
 * <li><b>After an iteration</b>: stop when training has been diverging (the listener says so, or
 *     the mini-batch score is not finite) for {@value #DIVERGING_ITERATIONS} iterations in a row:
 *     rollback (on by default) puts training back after a divergence, so a run that keeps
 *     diverging is one rollback could not cure (or one without rollback).</li>
 * </ul>
 * The trainer's result names the condition that stopped it, and this condition's
 * {@link #toString} says why.
 */
public final class TerrainTermination implements EpochTerminationCondition, IterationTerminationCondition {

    private static final long serialVersionUID = 1L;

    /** Iterations in a row the listener must call diverging before training stops. */
    public static final int DIVERGING_ITERATIONS = 10;

    private final transient TerrainListener listener;
    private int divergingInARow;
    private String reason = "Terrain has not stopped training";

    /** @param listener the listener on the network being trained */
    public TerrainTermination(TerrainListener listener) {
        if (listener == null) {
            throw new IllegalArgumentException("TerrainTermination needs the TerrainListener added to the network");
        }
        this.listener = listener;
    }

    /** Called by the trainer before training: checks that the listener can ask to stop at all. */
    @Override
    public void initialize() {
        if (!listener.options().stopAtMinimum()) {
            throw new IllegalStateException("TerrainTermination needs a listener built with stopAtMinimum(true) "
                    + "(and a minLearningRate above 0), or it never stops at the rate's floor");
        }
        divergingInARow = 0;
    }

    @Override
    public boolean terminate(int epochNum, double score, boolean minimize) {
        if (listener.stopRequested()) {
            reason = "Terrain: no progress at the noise floor with every learning rate at its minimum (epoch "
                    + epochNum + ")";
            return true;
        }
        return false;
    }

    @Override
    public boolean terminate(double lastMiniBatchScore) {
        // Rollback clears DIVERGING at once, so the score says it too: a NaN batch after a rollback is the same divergence.
        boolean diverging = listener.terrain() == Terrain.DIVERGING || !Double.isFinite(lastMiniBatchScore);
        divergingInARow = diverging ? divergingInARow + 1 : 0;
        if (divergingInARow >= DIVERGING_ITERATIONS) {
            reason = "Terrain: training diverged for " + divergingInARow + " iterations in a row and rollback "
                    + (listener.options().rollback() == null ? "is off" : "could not cure it")
                    + " (last mini-batch score " + lastMiniBatchScore + ")";
            return true;
        }
        return false;
    }

    /** Why it stopped training, or that it has not. */
    @Override
    public String toString() {
        return "TerrainTermination(" + reason + ")";
    }
}
