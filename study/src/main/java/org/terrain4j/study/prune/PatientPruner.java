package org.terrain4j.study.prune;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.terrain4j.study.store.Direction;

/**
 * Optuna's {@code PatientPruner}: asks the wrapped pruner only once the best score of a
 * trial's last {@code patience + 1} epochs is worse, by more than {@code minDelta}, than its
 * best score before them; until then the trial goes on whatever the wrapped pruner thinks.
 *
 * @param wrapped the pruner to ask when patience ran out ({@link Pruner#NONE} prunes then)
 * @param patience epochs without improvement tolerated, at least 0
 * @param minDelta the tolerance: a fall of at most this much is not a stall, at least 0
 */
public record PatientPruner(Pruner wrapped, int patience, double minDelta) implements Pruner {

    private static final long serialVersionUID = 1L;

    /** Validates, naming the bad value. */
    public PatientPruner {
        Objects.requireNonNull(wrapped, "wrapped");
        if (patience < 0) {
            throw new IllegalArgumentException("patience must be >= 0, got " + patience);
        }
        if (!(minDelta >= 0)) {
            throw new IllegalArgumentException("minDelta must be >= 0, got " + minDelta);
        }
    }

    @Override
    public Optional<String> prune(PruningInput input) {
        List<Double> values = input.trial().values();
        if (values.size() <= patience + 1) {
            return Optional.empty();
        }
        List<Double> before = values.subList(0, values.size() - patience - 1);
        List<Double> after = values.subList(values.size() - patience - 1, values.size());
        boolean maximize = input.direction() == Direction.MAXIMIZE;
        double bestBefore = best(before, maximize);
        double bestAfter = best(after, maximize);
        boolean stalled = maximize ? bestBefore - minDelta > bestAfter : bestBefore + minDelta < bestAfter;
        if (!stalled) {
            return Optional.empty();
        }
        String why = String.format(Locale.ROOT, "the last %d epochs stayed worse than %.4g", patience + 1, bestBefore);
        if (wrapped == Pruner.NONE) {
            return Optional.of("epoch " + values.size() + ": " + why);
        }
        return wrapped.prune(input).map(reason -> reason + "; " + why);
    }

    private static double best(List<Double> values, boolean maximize) {
        double best = Double.NaN;
        for (double v : values) {
            if (!Double.isNaN(v) && (Double.isNaN(best) || (maximize ? v > best : v < best))) {
                best = v;
            }
        }
        return best;
    }
}
