package org.terrain4j.listeners;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.deeplearning4j.nn.api.Model;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.terrain4j.control.InstabilityTest;
import org.terrain4j.control.InstabilityVerdict;
import org.terrain4j.probe.AdaptivePreconditioner;
import org.terrain4j.probe.SaddleEscape;
import org.terrain4j.stats.TrainingSignals;
import org.terrain4j.terrain.Classification;
import org.terrain4j.terrain.CurvatureSnapshot;
import org.terrain4j.terrain.StabilityBound;
import org.terrain4j.terrain.Terrain;

/**
 * The listener's curvature side: probes on schedule (periodic, when stalling, on demand, within a
 * time budget), names SADDLE, MINIMUM, flat PLATEAU or UNSTABLE from them, and caps an unstable
 * learning rate below the updater's {@link StabilityBound} over {@code lambda_max} once the recent
 * losses confirm the instability ({@link InstabilityTest}; at the edge of stability they do not),
 * at once before the first step at a rate that rose, and after a rollback ({@link RollbackGuard}
 * rolls back). Decisions are the pure classes' of terrain-core.
 */
final class CurvatureControl {

    private final CurvatureOptions options;
    private final CurvatureProbe probe;
    private long started = System.nanoTime();
    private long probeNanos;
    private long lastProbe = -1;
    private boolean requested;
    private double peakGradientNorm;
    private CurvatureSnapshot last;
    /** The losses since the rate was last capped or rolled back, oldest first; twice the test's window, shifted when full. */
    private final double[] recentLosses;
    private int recentCount;

    private final TrainingSignals signals;

    /**
     * @param options the settings
     * @param signals the listener's statistics (smoothed gradient norm and loss, best loss)
     */
    CurvatureControl(CurvatureOptions options, TrainingSignals signals) {
        this.options = options;
        this.signals = signals;
        this.probe = new CurvatureProbe(options, options.seed());
        this.recentLosses = new double[options.instability() == null ? 0 : 2 * options.instability().window()];
    }

    /** What to save with a checkpoint. */
    CurvatureState state() {
        return new CurvatureState(peakGradientNorm, lastProbe, probe.probes(), requested, probeNanos / 1_000_000,
                (System.nanoTime() - started) / 1_000_000, last, java.util.Arrays.copyOf(recentLosses, recentCount),
                probeBatch());
    }

    private CurvatureState.Batch probeBatch() {
        org.nd4j.linalg.dataset.DataSet batch = probe.lastBatch();
        return batch == null ? null : new CurvatureState.Batch(ArrayBytes.of(batch.getFeatures()),
                batch.getFeatures().shape(), ArrayBytes.of(batch.getLabels()), batch.getLabels().shape());
    }

    /** Continues from a saved state; call before training resumes. */
    void restore(CurvatureState state) {
        peakGradientNorm = state.peakGradientNorm();
        lastProbe = state.lastProbe();
        probe.restoreProbes(state.probes());
        requested = state.requested();
        probeNanos = state.probeMillis() * 1_000_000;
        started = System.nanoTime() - state.elapsedMillis() * 1_000_000;
        last = state.last();
        int keep = Math.min(state.recentLosses().length, recentLosses.length / 2);
        System.arraycopy(state.recentLosses(), state.recentLosses().length - keep, recentLosses, 0, keep);
        recentCount = keep;
        CurvatureState.Batch batch = state.probeBatch();
        if (batch != null) {
            probe.restoreLastBatch(new org.nd4j.linalg.dataset.DataSet(
                    ArrayBytes.array(batch.features(), batch.featureShape()),
                    ArrayBytes.array(batch.labels(), batch.labelShape())));
        }
    }

    /** Records an iteration's loss for the {@link InstabilityTest}; call after every iteration. */
    void recordLoss(double loss) {
        if (recentLosses.length == 0) {
            return; // no instability test: nothing reads the losses
        }
        if (recentCount == recentLosses.length) {
            int window = recentLosses.length / 2;
            System.arraycopy(recentLosses, recentCount - window, recentLosses, 0, window);
            recentCount = window;
        }
        recentLosses[recentCount++] = loss;
    }

    /** Asks for a probe after the next iteration. */
    void request() {
        requested = true;
    }

    /** The last probe's result, or null. */
    CurvatureSnapshot last() {
        return last;
    }

    /**
     * After the learning rate rose by more than {@link RollbackGuard#RATE_RISE} times since the
     * last healthy iteration (set by hand, a warm restart): probes in the middle of the
     * iteration, between backpropagation and the updater step, whatever the time budget, and caps
     * a rate beyond the stability bound before it is ever used, at most at the rate before the
     * rise. A single step at a rate far too high can wreck the parameters while leaving the loss
     * finite, so that nothing after the step would notice; and a cap at the edge of stability
     * measured on one batch still trained far worse than the rate that was known to work (69 of
     * 100 injected faults recovered, against 98). The gradient the updater is about to use is
     * kept and put back bitwise after the probe.
     *
     * @param rise the rate now over the rate at the last healthy iteration
     */
    void probeRise(Model model, NetworkLearningRates rates, long iteration, long epoch, double rise,
                                 ControlHost host) {
        if (!rates.stabilityBound((int) iteration, (int) epoch).applies()) {
            return;
        }
        INDArray gradient = model.getGradientsViewArray();
        INDArray kept = gradient.dup();
        try {
            Classification named = probe(model, rates, iteration, epoch, host);
            if (named != null && named.terrain() == Terrain.UNSTABLE) {
                // No loss at the new rate exists yet, and one step at it may wreck the parameters.
                cap(rates, host.controlledRates(), iteration, epoch, new Classification(Terrain.UNSTABLE,
                        named.reason() + "; before the first step at a rate that rose"), host, 1 / rise);
            }
        } finally {
            gradient.assign(kept);
        }
    }

    /**
     * Runs after each iteration that did not diverge: a probe if due.
     *
     * @return the curvature-based terrain if a probe named one, else null
     */
    Classification afterGoodIteration(Model model, NetworkLearningRates rates, long iteration, long epoch,
                                      double smoothedGradientNorm, double smoothedLoss, boolean plateauBuilding,
                                      ControlHost host) {
        peakGradientNorm = Math.max(peakGradientNorm, smoothedGradientNorm);
        boolean stalling = plateauBuilding || options.classifier().isSmallGradient(smoothedGradientNorm,
                peakGradientNorm, smoothedLoss, rates.firstLearningRate((int) iteration + 1, (int) epoch));
        if (!options.schedule().due(iteration, stalling, requested, lastProbe, probeNanos,
                System.nanoTime() - started)) {
            return null;
        }
        requested = false;
        lastProbe = iteration;
        Classification named = probe(model, rates, iteration + 1, epoch, host);
        if (named != null && named.terrain() == Terrain.UNSTABLE && options.instability() == null) {
            return new Classification(Terrain.UNSTABLE, named.reason() + "; caps are off (no instability test): "
                    + "the rate is kept");
        } else if (named != null && named.terrain() == Terrain.UNSTABLE) {
            InstabilityVerdict verdict = options.instability().judge(recentLosses, recentCount,
                    signals.bestSmoothedLoss());
            if (!verdict.confirmsInstability()) {
                return new Classification(Terrain.UNSTABLE, named.reason() + "; " + verdict.describe()
                        + "; the rate is kept");
            }
            cap(rates, host.controlledRates(), iteration + 1, epoch,
                    new Classification(Terrain.UNSTABLE, named.reason() + "; " + verdict.describe()), host);
        } else if (named != null && named.terrain() == Terrain.SADDLE && options.escape() != null
                && probe.lastSmallestVector() != null) {
            escape(model, rates.firstLearningRate((int) iteration + 1, (int) epoch)
                    * rates.momentumGain((int) iteration + 1, (int) epoch), host);
        }
        return named;
    }

    /**
     * Steps out of the saddle the last probe found, unless training leaves it on its own soon
     * ({@link SaddleEscape#worthwhile}).
     *
     * @param stepRate the learning rate times the updater's momentum gain (NaN when unknown)
     */
    private void escape(Model model, double stepRate, ControlHost host) {
        if (!options.escape().worthwhile(stepRate, last.lambdaMin())) {
            host.report(EventType.SADDLE_ESCAPE, Terrain.SADDLE, String.format(Locale.ROOT,
                    "no step: training leaves the saddle on its own, e-folding along the lambda_min direction every "
                            + "%.3g iterations (1 / ln(1 + %.4g * |lambda_min| %.4g)), within the patience of %d",
                    SaddleEscape.selfEscapeIterations(stepRate, last.lambdaMin()), stepRate, Math.abs(last.lambdaMin()),
                    options.escape().patience()), Map.of(), Map.of(), last);
            return;
        }
        SaddleEscape.Outcome outcome = options.escape().attempt(model, probe.lastBatch(), probe.lastSmallestVector(),
                last.lambdaMin());
        host.report(EventType.SADDLE_ESCAPE, Terrain.SADDLE, outcome.accepted()
                ? String.format(Locale.ROOT, "stepped %.4g along the lambda_min direction: probe-batch loss %.6g -> %.6g",
                        outcome.step(), outcome.lossBefore(), outcome.lossAfter())
                : String.format(Locale.ROOT, "no step along the lambda_min direction lowered the probe-batch loss %.6g",
                        outcome.lossBefore()), Map.of(), Map.of(), last);
    }

    private void cap(NetworkLearningRates rates, Map<String, Double> controlled, long nextIteration, long epoch,
                     Classification named, ControlHost host) {
        cap(rates, controlled, nextIteration, epoch, named, host, 1.0);
    }

    /**
     * Caps every controlled rate at {@code capMargin} of the stability bound over lambda_max, and
     * at most at {@code ceiling} times its rate now.
     */
    private void cap(NetworkLearningRates rates, Map<String, Double> controlled, long nextIteration, long epoch,
                     Classification named, ControlHost host, double ceiling) {
        StabilityBound bound = rates.stabilityBound((int) nextIteration, (int) epoch);
        Map<String, Double> after = new LinkedHashMap<>();
        controlled.forEach((layer, rate) -> {
            double factor = Math.min(bound.capFactor(rate, last.lambdaMax(), options.capMargin()), ceiling);
            if (factor < 1) {
                rates.scale(layer, (int) nextIteration, factor);
            }
            after.put(layer, rate * factor);
        });
        recentCount = 0;
        host.report(EventType.LEARNING_RATE_SCALED, Terrain.UNSTABLE, named.reason() + String.format(Locale.ROOT,
                "; capped at %.0f%% of the bound / lambda_max = %.4g", options.capMargin() * 100,
                bound.cap(last.lambdaMax(), options.capMargin()))
                + (ceiling < 1 ? String.format(Locale.ROOT, ", and at most at the rate before it rose (x%.4g)", ceiling)
                : ""), controlled, after, last);
    }

    /**
     * After a rollback: the losses the instability test reads start afresh, and the restored
     * parameters are probed; when the rate is still beyond the curvature's stability bound (a rate
     * set far too high is halved only so often), it is capped below the bound at once, instead of
     * diverging and rolling back again, rollback after rollback. (Adaptive updaters other than
     * Adam and RmsProp, to which no bound applies, are not probed.)
     */
    void afterRollback(Model model, NetworkLearningRates rates, long nextIteration, long epoch, ControlHost host) {
        recentCount = 0;
        if (rates.stabilityBound((int) nextIteration, (int) epoch).applies()) {
            Classification named = probe(model, rates, nextIteration, epoch, host);
            if (named != null && named.terrain() == Terrain.UNSTABLE) {
                cap(rates, host.controlledRates(), nextIteration, epoch,
                        new Classification(Terrain.UNSTABLE, named.reason() + "; training just diverged"), host);
            }
        }
    }

    /** Probes now and names the terrain from the probe alone (null when it names none). */
    private Classification probe(Model model, NetworkLearningRates rates, long nextIteration, long epoch, ControlHost host) {
        long start = System.nanoTime();
        StabilityBound bound = rates.stabilityBound((int) nextIteration, (int) epoch);
        double[] preconditioner = null;
        if (bound.preconditioned()) {
            preconditioner = AdaptivePreconditioner.inverseDiagonal(model, nextIteration).orElse(null);
            if (preconditioner == null) {
                bound = StabilityBound.NONE; // no updater state to precondition with: no bound can be judged
            }
        }
        last = probe.run(model, preconditioner);
        probeNanos += System.nanoTime() - start;
        host.report(EventType.CURVATURE_PROBE, null, (preconditioner == null ? "" : "preconditioned Hessian P^-1 H: ")
                + describe(last), Map.of(), Map.of(), last);
        Map<String, Double> controlled = host.controlledRates();
        double rate = controlled.isEmpty() ? Double.NaN : controlled.values().iterator().next();
        return options.classifier().classify(signals.smoothedGradientNorm(), peakGradientNorm, signals.smoothedLoss(),
                last, rate, bound);
    }

    private static String describe(CurvatureSnapshot s) {
        return s.conclusive()
                ? String.format(Locale.ROOT, "lambda_min %.4g, lambda_max %.4g, trace about %.4g%s from %d "
                        + "Hessian-vector products in %d ms", s.lambdaMin(), s.lambdaMax(), s.trace(),
                        Double.isNaN(s.traceStandardError()) ? " (one sample)"
                                : String.format(Locale.ROOT, " (standard error %.2g)", s.traceStandardError()),
                        s.products(), s.millis())
                : "inconclusive: " + s.inconclusive();
    }
}
