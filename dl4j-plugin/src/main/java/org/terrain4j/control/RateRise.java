package org.terrain4j.control;

import java.util.Locale;
import org.hipparchus.distribution.continuous.TDistribution;
import org.terrain4j.stats.BatchMeans;

/**
 * Raises a starting learning rate that is too small, by trial: a short range test inside
 * training. Where the stationarity test finds training still descending (or stalled), not at a
 * noise floor, the rate is multiplied by {@link RiseOptions#factor} for the shortest window
 * the test decides on; the higher rate is kept only if the loss then falls significantly faster
 * than it did at the old rate, and otherwise the old rate comes back and no rise is tried again.
 *
 * <p><b>Why a trial.</b> A rate far below what the curvature allows descends steadily: three
 * times the rate goes about three times as far in the same iterations. A rate near its best does
 * not: three times it oscillates, catapults or sits at a higher noise floor, and its loss falls no
 * faster. The loss's own slope tells the two apart, for any updater, where a model of the step
 * (SGD's {@code lr |G|^2}) would not hold for Adam.
 *
 * <p><b>When.</b> A trial starts at a verdict that is not {@code STATIONARY} while the gradient
 * noise scale is below {@link RiseOptions#noiseScaleBelow} times the batch: far below the noise
 * scale, steps are noise-dominated and a larger rate mostly adds noise (McCandlish et al. 2018).
 *
 * <p><b>The test.</b> Adjacent stretches are compared: the least-squares slope of the batch-mean
 * loss over the newer half of the window at the old rate ({@link StationarityVerdict#newerSlope}),
 * which ends where the trial starts, against the slope over the older half of the trial's own
 * window ({@link StationarityVerdict#olderSlope}), both per iteration. Training slows as it
 * descends, so comparing farther stretches would judge the time as much as the rate; adjacent
 * ones still leave the trial the later, slower stretch, which keeps the test conservative (as
 * short-horizon comparisons are, Wu et al. 2018). The rise is kept when the t statistic of the
 * difference is below the one-sided critical value at the stationarity test's confidence (with
 * both stretches' degrees of freedom) and the trial's newer half is still descending
 * significantly: a rate too high can drop the loss right after a catapult and then stall, and a
 * stalled trial is given up however fast its start was.
 *
 * <p><b>Bounds.</b> Trials come only before the first decay (a decay says the rate reached its
 * noise floor, so it is not too small), end at the first failed one, and never take the rate above
 * {@link RiseOptions#maxRise} times the starting rate. A trial abandoned because someone else
 * changed the rate (a rollback, a curvature cap, a schedule) ends the trials too. With curvature
 * probes the listener probes a risen rate before its first step, and rollback covers a rise that
 * diverges.
 *
 * <p>Pure: the listener applies the decisions and reports them.
 */
public final class RateRise {

    /** Where the trials are. */
    public enum Phase {
        /** A trial may start at the next verdict. */
        READY,
        /** A higher rate is on trial. */
        TRIAL,
        /** No more trials in this run. */
        DONE
    }

    /** What to do at a verdict. */
    public sealed interface Decision {
        /** Nothing. */
        Decision NONE = new None();

        /** Leave the rate alone. */
        record None() implements Decision {
        }

        /**
         * Multiply the controlled rates by {@code factor} and restart the stationarity test for a trial.
         *
         * @param factor the multiplier, above 1
         * @param reason the evidence, for the event log
         */
        record Start(double factor, String reason) implements Decision {
        }

        /**
         * The higher rate stays.
         *
         * @param reason the evidence, for the event log
         */
        record Keep(String reason) implements Decision {
        }

        /**
         * Multiply the controlled rates by {@code factor} (below 1) to return to the rate before the trial.
         *
         * @param factor the multiplier, the inverse of the trial's
         * @param reason the evidence, for the event log
         */
        record Revert(double factor, String reason) implements Decision {
        }
    }

    private final RiseOptions options;
    private Phase phase = Phase.READY;
    private double risen = 1;
    private BatchMeans.Slope baseline;
    private int baselineBatches;

    /** Trials that have not started. */
    public RateRise(RiseOptions options) {
        this.options = options;
    }

    /**
     * The decision at a stationarity verdict that had enough samples.
     *
     * @param verdict the stationarity test's verdict on the iterations at the current rate
     */
    public Decision atVerdict(StationarityVerdict verdict) {
        if (verdict.kind() == StationarityVerdict.Kind.TOO_FEW_SAMPLES) {
            return Decision.NONE;
        }
        return switch (phase) {
            case DONE -> Decision.NONE;
            case READY -> maybeStart(verdict);
            case TRIAL -> judge(verdict);
        };
    }

    private Decision maybeStart(StationarityVerdict verdict) {
        if (verdict.kind() == StationarityVerdict.Kind.STATIONARY || !(verdict.noiseToSignal() < options.noiseScaleBelow())
                || risen * options.factor() > options.maxRise() * (1 + 1e-12)) {
            return Decision.NONE;
        }
        phase = Phase.TRIAL;
        baseline = verdict.newerSlope();
        baselineBatches = verdict.batches();
        return new Decision.Start(options.factor(), String.format(Locale.ROOT,
                "rise trial: %s, not at a noise floor, gradient noise scale %.3g times the batch (below %.3g), loss "
                        + "slope %s per iteration; trying %.3g times the rate for the stationarity test's shortest window",
                situation(verdict), verdict.noiseToSignal(), options.noiseScaleBelow(), slope(baseline), options.factor()));
    }

    private Decision judge(StationarityVerdict verdict) {
        BatchMeans.Slope trial = verdict.olderSlope();
        double t = trial.tAgainst(baseline);
        double critical = new TDistribution(verdict.batches() - 2 + baselineBatches - 2)
                .inverseCumulativeProbability(verdict.confidence());
        boolean faster = verdict.kind() == StationarityVerdict.Kind.DESCENDING && t < -critical;
        String evidence = String.format(Locale.ROOT, "loss slope %s per iteration at %.3g times the rate against %s "
                        + "just before, difference t %.3g (faster below -%.3g at confidence %.3g); the trial is %s",
                slope(trial), options.factor(), slope(baseline), t, critical, verdict.confidence(), situation(verdict));
        baseline = null;
        if (faster) {
            risen *= options.factor();
            phase = Phase.READY;
            return new Decision.Keep("rise kept: " + evidence);
        }
        phase = Phase.DONE;
        return new Decision.Revert(1 / options.factor(), "rise given up: " + evidence + "; no further rises");
    }

    /**
     * Someone else changed the rate during a trial (a rollback, a curvature cap, a schedule): the
     * trial cannot be judged, and no further one starts. Returns whether a trial was on.
     */
    public boolean abandon() {
        boolean wasOn = phase == Phase.TRIAL;
        phase = Phase.DONE;
        baseline = null;
        return wasOn;
    }

    /** The rate decayed at its noise floor: it is not too small, so no trial starts any more. */
    public void decayed() {
        phase = Phase.DONE;
        baseline = null;
    }

    /** Where the trials are. */
    public Phase phase() {
        return phase;
    }

    /** The kept rises multiplied together (1 before any). */
    public double risen() {
        return risen;
    }

    private static String situation(StationarityVerdict verdict) {
        return switch (verdict.kind()) {
            case DESCENDING -> "still descending";
            case STATIONARY -> "at its noise floor";
            default -> "stalled";
        };
    }

    private static String slope(BatchMeans.Slope slope) {
        return String.format(Locale.ROOT, "%.3g +- %.2g", slope.estimate(), slope.standardError());
    }

    /** The trials' state, for checkpoints. */
    public State state() {
        return new State(phase, risen, baseline == null ? Double.NaN : baseline.estimate(),
                baseline == null ? Double.NaN : baseline.standardError(), baselineBatches);
    }

    /** Continues from a state taken by {@link #state()}. */
    public void restore(State state) {
        phase = state.phase();
        risen = state.risen();
        baseline = state.phase() == Phase.TRIAL
                ? new BatchMeans.Slope(state.baselineSlope(), state.baselineStandardError()) : null;
        baselineBatches = state.baselineBatches();
    }

    /**
     * @param phase where the trials are
     * @param risen the kept rises multiplied together
     * @param baselineSlope during a trial, the loss slope per iteration before it (NaN otherwise)
     * @param baselineStandardError its standard error
     * @param baselineBatches the batch means that slope came from
     */
    public record State(Phase phase, double risen, double baselineSlope, double baselineStandardError,
                        int baselineBatches) {
        /** Validates the values, naming the bad one. */
        public State {
            if (phase == null) {
                throw new IllegalArgumentException("rise phase is required");
            }
            if (!(risen >= 1) || Double.isInfinite(risen)) {
                throw new IllegalArgumentException("risen must be finite and at least 1, got " + risen);
            }
            if (phase == Phase.TRIAL && (!Double.isFinite(baselineSlope) || !(baselineStandardError >= 0)
                    || baselineBatches < 3)) {
                throw new IllegalArgumentException("a rise trial needs a finite baseline slope from at least 3 batch "
                        + "means, got " + baselineSlope + " +- " + baselineStandardError + " from " + baselineBatches);
            }
        }
    }
}
