package org.terrain4j.study.prune;

import java.util.Arrays;
import java.util.Optional;
import org.terrain4j.study.store.Direction;
import org.terrain4j.study.store.TrialState;

/**
 * Optuna's {@code PercentilePruner} (and {@code MedianPruner} at 50): stops a trial whose best
 * score so far is worse than the given percentile of the complete trials' scores at the same
 * step. Nothing is pruned before {@code startupTrials} trials completed, before step
 * {@code warmupSteps}, off the {@code intervalSteps} grid, or when fewer than
 * {@code minTrials} complete trials reported that step. A NaN best score is pruned.
 *
 * @param percentile in [0, 100]: 25 keeps the top quarter (bottom, when minimizing)
 * @param startupTrials complete trials needed before pruning, at least 0 (Optuna: 5)
 * @param warmupSteps epochs never pruned: pruning starts at epoch {@code warmupSteps} (steps are epochs, from 1), at least 0 (Optuna: 0)
 * @param intervalSteps prune only every this many steps after the warmup, at least 1 (Optuna: 1)
 * @param minTrials complete trials that must have reported a step to compare at it, at least 1 (Optuna: 1)
 */
public record PercentilePruner(double percentile, int startupTrials, int warmupSteps, int intervalSteps, int minTrials)
        implements Pruner {

    private static final long serialVersionUID = 1L;

    /** Validates, naming the bad value. */
    public PercentilePruner {
        if (!(percentile >= 0 && percentile <= 100)) {
            throw new IllegalArgumentException("percentile must be in [0, 100], got " + percentile);
        }
        if (startupTrials < 0 || warmupSteps < 0) {
            throw new IllegalArgumentException("startupTrials and warmupSteps must be >= 0, got " + startupTrials
                    + " and " + warmupSteps);
        }
        if (intervalSteps < 1 || minTrials < 1) {
            throw new IllegalArgumentException("intervalSteps and minTrials must be >= 1, got " + intervalSteps
                    + " and " + minTrials);
        }
    }

    /** Optuna's {@code MedianPruner()} defaults: median, 5 startup trials, no warmup. */
    public static PercentilePruner median() {
        return new PercentilePruner(50, 5, 0, 1, 1);
    }

    @Override
    public Optional<String> prune(PruningInput input) {
        TrialProgress trial = input.trial();
        int step = trial.lastStep();
        if (step == 0) {
            return Optional.empty();
        }
        long complete = input.trials().stream().filter(t -> t.state() == TrialState.COMPLETE).count();
        if (complete == 0 || complete < startupTrials) {
            return Optional.empty();
        }
        if (step < warmupSteps || !firstInInterval(step)) {
            return Optional.empty();
        }
        Direction direction = input.direction();
        double best = bestSoFar(trial, direction);
        if (Double.isNaN(best)) {
            return Optional.of("step " + step + ": no finite score so far");
        }
        double[] others = input.trials().stream()
                .filter(t -> t.state() == TrialState.COMPLETE && !Double.isNaN(t.valueAt(step)))
                .mapToDouble(t -> t.valueAt(step)).toArray();
        if (others.length < minTrials) {
            return Optional.empty();
        }
        double q = direction == Direction.MAXIMIZE ? 100 - percentile : percentile;
        double threshold = linearPercentile(others, q);
        boolean worse = direction == Direction.MAXIMIZE ? best < threshold : best > threshold;
        if (!worse) {
            return Optional.empty();
        }
        return Optional.of(String.format(java.util.Locale.ROOT, "epoch %d: best score %.4g is %s the %s %.4g of %d complete trials",
                step, best, direction == Direction.MAXIMIZE ? "below" : "above",
                percentile == 50 ? "median" : percentile + "th percentile", threshold, others.length));
    }

    /** Whether {@code step} is the first reported step of its interval (Optuna's {@code _is_first_in_interval_step}). */
    private boolean firstInInterval(int step) {
        int nearestLowerPruningStep = (step - warmupSteps) / intervalSteps * intervalSteps + warmupSteps;
        // every epoch is reported, so the step before this one is the second-to-last reported
        int secondLast = step > 1 ? step - 1 : -1;
        return secondLast < nearestLowerPruningStep;
    }

    private static double bestSoFar(TrialProgress trial, Direction direction) {
        double best = Double.NaN;
        for (double v : trial.values()) {
            if (Double.isNaN(v)) {
                continue;
            }
            if (Double.isNaN(best) || (direction == Direction.MAXIMIZE ? v > best : v < best)) {
                best = v;
            }
        }
        return best;
    }

    /** NumPy's default (linear) percentile of {@code values}. */
    static double linearPercentile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double position = q / 100 * (sorted.length - 1);
        int lower = (int) Math.floor(position);
        int upper = Math.min(sorted.length - 1, lower + 1);
        return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
    }
}
