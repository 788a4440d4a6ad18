package org.terrain4j.study.prune;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import org.terrain4j.study.store.Direction;

/**
 * Asynchronous successive halving (ASHA; Li et al. 2020), as Optuna's
 * {@code SuccessiveHalvingPruner}: rung {@code r} is reached at step
 * {@code minResource * reductionFactor^(minEarlyStoppingRate + r)}; a trial reaching a rung is
 * promoted, i.e. goes on, only when its score there is in the top {@code 1/reductionFactor} of
 * the scores every trial had at that rung (running, complete or pruned; at least the best
 * one), else it is pruned. Asynchronous: it never waits for a rung to fill.
 *
 * <p>A trial's score at a rung is its score at the rung's step, read from the study: each trial
 * reports every epoch, so this is the score Optuna records when the trial reaches the rung.
 *
 * @param minResource the step of the first rung, at least 1 (Optuna: estimated; 1 here)
 * @param reductionFactor at least 2 (Optuna: 4)
 * @param minEarlyStoppingRate rungs skipped, at least 0 (Optuna: 0)
 * @param bootstrapCount trials that must reach a rung before anyone is promoted from it, at least 0 (Optuna: 0)
 */
public record SuccessiveHalvingPruner(int minResource, int reductionFactor, int minEarlyStoppingRate, int bootstrapCount)
        implements Pruner {

    private static final long serialVersionUID = 1L;

    /** Validates, naming the bad value. */
    public SuccessiveHalvingPruner {
        if (minResource < 1) {
            throw new IllegalArgumentException("minResource must be >= 1, got " + minResource);
        }
        if (reductionFactor < 2) {
            throw new IllegalArgumentException("reductionFactor must be >= 2, got " + reductionFactor);
        }
        if (minEarlyStoppingRate < 0 || bootstrapCount < 0) {
            throw new IllegalArgumentException("minEarlyStoppingRate and bootstrapCount must be >= 0, got "
                    + minEarlyStoppingRate + " and " + bootstrapCount);
        }
    }

    /** Optuna's defaults with a first rung after one epoch: reduction factor 4. */
    public static SuccessiveHalvingPruner asha() {
        return new SuccessiveHalvingPruner(1, 4, 0, 0);
    }

    @Override
    public Optional<String> prune(PruningInput input) {
        return prune(input, t -> true);
    }

    /** As {@link #prune(PruningInput)}, comparing only with the trials {@code competes} accepts (Hyperband's bracket). */
    Optional<String> prune(PruningInput input, Predicate<TrialProgress> competes) {
        TrialProgress trial = input.trial();
        int step = trial.lastStep();
        if (step == 0) {
            return Optional.empty();
        }
        int rung = rungAt(step);
        if (rung < 0) {
            return Optional.empty();
        }
        double value = trial.valueAt(step);
        if (Double.isNaN(value)) {
            return Optional.of("epoch " + step + ": score NaN");
        }
        List<Double> competing = new ArrayList<>();
        for (TrialProgress other : input.trials()) {
            if (other.number() != trial.number() && competes.test(other) && other.lastStep() >= step) {
                double v = other.valueAt(step);
                if (!Double.isNaN(v)) {
                    competing.add(v);
                }
            }
        }
        if (competing.size() + 1 <= bootstrapCount) {
            return Optional.of("epoch " + step + ": rung " + rung + " has not got " + bootstrapCount + " trials yet");
        }
        competing.add(value);
        if (promotable(value, competing, input.direction())) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "epoch %d: score %.4g at rung %d is not in the top 1/%d of the"
                + " %d trials that reached it", step, value, rung, reductionFactor, competing.size()));
    }

    /**
     * The rung reached exactly at {@code step}, or -1. Trials report every epoch, so each rung is
     * judged once, when reached, with the scores its competitors had there.
     */
    int rungAt(int step) {
        for (int rung = 0; rungStep(rung) <= step; rung++) {
            if (rungStep(rung) == step) {
                return rung;
            }
        }
        return -1;
    }

    /** The step at which rung {@code rung} is reached. */
    long rungStep(int rung) {
        return minResource * (long) Math.pow(reductionFactor, minEarlyStoppingRate + rung);
    }

    private boolean promotable(double value, List<Double> competing, Direction direction) {
        int index = competing.size() / reductionFactor - 1;
        if (index < 0) {
            index = 0;
        }
        Collections.sort(competing);
        return direction == Direction.MAXIMIZE ? value >= competing.get(competing.size() - 1 - index)
                : value <= competing.get(index);
    }
}
