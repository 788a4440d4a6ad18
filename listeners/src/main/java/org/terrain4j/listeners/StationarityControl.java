package org.terrain4j.listeners;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.terrain4j.control.GradientCoherence;
import org.terrain4j.control.StationarityOptions;
import org.terrain4j.control.StationarityTest;
import org.terrain4j.control.StationarityVerdict;

/**
 * The listener's side of the default rule: feeds the {@link StationarityTest} with each
 * iteration's loss and, through a {@link GradientSum}, the gradients' coherence, and tells at a
 * check what the test found. It decides nothing itself and changes no rate: the listener applies
 * the decay and reports it, then calls {@link #decayed}.
 *
 * <p>Order of use: {@link #start} when the listener binds to its network; {@link #offerGradient}
 * and {@link #recordLoss} every iteration; {@link #check} at each check.
 */
final class StationarityControl {

    private final StationarityTest test;
    private final GradientSum gradientSum = new GradientSum();
    private Map<String, Double> testedRates;
    private StationarityVerdict.Kind lastVerdict = StationarityVerdict.Kind.TOO_FEW_SAMPLES;

    StationarityControl(StationarityOptions options) {
        test = new StationarityTest(options);
    }

    /** The controlled rates at the start: the test's first chain runs at them. */
    void start(Map<String, Double> rates) {
        testedRates = rates;
    }

    /** The gradient of the iteration about to be applied (see {@link GradientSum#offer}). */
    void offerGradient(long iteration, INDArray gradient, double divisor, double squaredNorm) {
        gradientSum.offer(iteration, gradient, divisor, squaredNorm);
    }

    /** The mini-batch loss of the iteration just done. */
    void recordLoss(double loss) {
        test.record(loss);
    }

    /** An epoch of {@code iterations} ended: the data repeat with that period (see {@link StationarityTest#setPeriod}). */
    void epochEnded(long iterations) {
        test.setPeriod(iterations);
    }

    /**
     * The verdict at a check. When the rates differ from those the test's iterations ran at (a
     * change by anyone, a schedule included), the test restarts and has too few samples.
     *
     * @param rates the controlled rates now
     */
    StationarityVerdict check(Map<String, Double> rates) {
        GradientCoherence coherence = gradientSum.take();
        if (!rates.equals(testedRates)) {
            testedRates = rates;
            test.reset();
            return test.verdict();
        }
        if (coherence != null) {
            test.recordCoherence(coherence);
        }
        return test.verdict();
    }

    /** Whether {@code kind} differs from the last verdict noted; notes it. */
    boolean noteVerdict(StationarityVerdict.Kind kind) {
        boolean changed = kind != lastVerdict;
        lastVerdict = kind;
        return changed;
    }

    /** The listener decayed the rates to {@code rates}: a new chain starts, which also asks whether the decay paid. */
    void decayed(Map<String, Double> rates) {
        testedRates = rates;
        test.resetAfterDecay();
    }

    /** The listener gave up a rise trial and set the rates back to {@code rates}: a new chain starts. */
    void reverted(Map<String, Double> rates) {
        testedRates = rates;
        test.reset();
    }

    /** The listener raised the rates to {@code rates} for a rise trial: a new chain starts, judged on its shortest window. */
    void trialStarted(Map<String, Double> rates) {
        testedRates = rates;
        test.resetForTrial();
    }

    /** Whether the controlled rates now differ from those the test's iterations ran at. */
    boolean changedSinceTested(Map<String, Double> rates) {
        return !rates.equals(testedRates);
    }

    /** Whether the last verdict saw no progress: a hint for the curvature probes. */
    boolean stalling() {
        return lastVerdict == StationarityVerdict.Kind.STALLED || lastVerdict == StationarityVerdict.Kind.STATIONARY;
    }

    StationarityTest.State testState() {
        return test.state();
    }

    Map<String, Double> testedRates() {
        return testedRates;
    }

    StationarityVerdict.Kind lastVerdict() {
        return lastVerdict;
    }

    /** Continues from a checkpoint's values. */
    void restore(StationarityTest.State state, Map<String, Double> rates, StationarityVerdict.Kind verdict) {
        test.restore(state);
        testedRates = rates;
        lastVerdict = verdict;
    }
}
