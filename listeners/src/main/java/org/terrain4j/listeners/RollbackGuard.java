package org.terrain4j.listeners;

import java.util.LinkedHashMap;
import java.util.Map;
import org.deeplearning4j.nn.api.Model;
import org.terrain4j.control.RollbackPolicy;
import org.terrain4j.probe.NetworkHessian;
import org.terrain4j.stats.TrainingSignals;
import org.terrain4j.terrain.Terrain;

/**
 * Divergence rollback, a guard of its own (with or without curvature probes): keeps snapshots of
 * parameters, updater state, statistics and rates in buffers allocated once, and restores the
 * last one when training diverges. When and to what rate are the {@link RollbackPolicy}'s
 * decisions; this class only applies them. It also remembers the first controlled rate of the
 * last healthy iteration, which tells a rate that just rose (untried, never kept in a snapshot,
 * and probed before its first step when curvature probes are on).
 *
 * <p>Order of use, at each iteration: {@link #beforeStep} between backpropagation and the updater
 * step of a healthy iteration; {@link #rollback} when the iteration diverged.
 */
final class RollbackGuard {

    /** A rise of the learning rate by more than this factor in one iteration counts as untried. */
    static final double RATE_RISE = 1.5;

    private final RollbackPolicy policy;
    private final TrainingSignals signals;
    private final RollbackSnapshot snapshot = new RollbackSnapshot();
    private double rateBefore = Double.NaN;

    /**
     * @param policy the decisions, or null for no rollback (only the rate is remembered)
     * @param signals the listener's statistics, kept with each snapshot and restored with it (so
     *                the averages do not remember the diverged stretch)
     */
    RollbackGuard(RollbackPolicy policy, TrainingSignals signals) {
        this.policy = policy;
        this.signals = signals;
    }

    /** The first controlled rate at the last healthy iteration; NaN before the first. */
    double rateBefore() {
        return rateBefore;
    }

    /** Whether {@code rate} rose by more than {@link #RATE_RISE} times over the last healthy iteration's. */
    boolean rose(double rate) {
        return rate > RATE_RISE * rateBefore;
    }

    /**
     * Before the updater step of a healthy iteration whose first controlled rate is {@code rate}
     * (after any cap): keeps a snapshot when the policy says so, then remembers the rate.
     */
    void beforeStep(Model model, NetworkLearningRates rates, long iteration, long epoch, double rate) {
        boolean rateJustRose = rose(rate);
        rateBefore = rate;
        if (policy != null && policy.keepSnapshot(iteration, rateJustRose, signals.smoothedLoss(),
                signals.bestSmoothedLoss(), snapshot.available() ? snapshot.iteration() : -1, snapshot.smoothedLoss())) {
            snapshot.take(model, iteration, signals.state(), signals.smoothedLoss(),
                    rates.learningRates((int) iteration, (int) epoch));
        }
    }

    /**
     * Rolls training back after it diverged, when a snapshot exists: parameters, updater state and
     * statistics as they were, each controlled rate as the policy says ({@code ROLLBACK} event).
     *
     * @return whether it rolled back
     */
    boolean rollback(Model model, NetworkLearningRates rates, long nextIteration, String why, ControlHost host) {
        if (policy == null || !snapshot.available()) {
            return false;
        }
        boolean badBatch = NetworkHessian.lastBatch(model).map(b -> !CurvatureProbe.finite(b)).orElse(false);
        snapshot.restore(model);
        signals.restore(snapshot.signals());
        Map<String, Double> controlled = host.controlledRates();
        Map<String, Double> after = new LinkedHashMap<>();
        controlled.forEach((layer, rate) -> {
            double factor = policy.rateFactor(rate, snapshot.learningRate(layer), badBatch);
            if (factor != 1.0) {
                rates.scale(layer, (int) nextIteration, factor);
            }
            after.put(layer, rate * factor);
        });
        host.report(EventType.ROLLBACK, Terrain.DIVERGING, why + "; rolled back to the snapshot taken at iteration "
                + snapshot.iteration() + (badBatch ? "; the batch itself held NaN or infinity, so the learning rate"
                + " is kept" : " and set the learning rate to " + policy.factor()
                + " times the lower of the rate now and the rate then"), controlled, after, null);
        return true;
    }

    /** The snapshot to save with a checkpoint, or null. */
    RollbackState state() {
        return snapshot.state();
    }

    /** Continues from a checkpoint's snapshot (null: none) and rate. */
    void restore(RollbackState state, double rate) {
        snapshot.restore(state);
        rateBefore = rate;
    }
}
