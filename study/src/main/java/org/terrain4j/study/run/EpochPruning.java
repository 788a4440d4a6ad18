package org.terrain4j.study.run;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.terrain4j.study.prune.Pruner;
import org.terrain4j.study.prune.PruningInput;
import org.terrain4j.study.prune.TrialProgress;
import org.terrain4j.study.store.Direction;
import org.terrain4j.study.store.StoredTrial;
import org.terrain4j.study.store.StudyStore;

/**
 * What happens after each epoch of a trial, wherever it trains: the score goes to the store,
 * and the pruner decides from every trial's scores in the store whether the trial stops.
 * Serializable, so a trial on a Spark executor does the same with its own connection.
 *
 * @param study the study's name
 * @param direction whether lower or higher scores are better
 * @param pruner the pruner
 */
public record EpochPruning(String study, Direction direction, Pruner pruner) implements Serializable {

    public EpochPruning {
        Objects.requireNonNull(study, "study");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(pruner, "pruner");
    }

    /**
     * Records {@code score} as trial {@code number}'s after {@code epoch} and asks the pruner.
     *
     * @return the reason to stop the trial now, or empty
     */
    public Optional<String> afterEpoch(StudyStore store, int number, int epoch, double score) {
        if (Double.isFinite(score)) {
            store.report(study, number, epoch, score);
        }
        if (pruner == Pruner.NONE) {
            return Optional.empty();
        }
        List<TrialProgress> trials = new ArrayList<>();
        TrialProgress own = null;
        for (StoredTrial t : store.trials(study)) {
            TrialProgress progress = new TrialProgress(t.number(), t.state(), t.intermediate());
            trials.add(progress);
            if (t.number() == number) {
                own = progress;
            }
        }
        if (own == null) {
            return Optional.empty();
        }
        if (own.values().size() < epoch) {
            // This epoch's score was not stored (NaN): the trial has reached this step all the same.
            List<Double> values = new ArrayList<>(own.values());
            while (values.size() < epoch) {
                values.add(Double.NaN);
            }
            own = new TrialProgress(number, own.state(), values);
        }
        return pruner.prune(new PruningInput(study, direction, own, trials));
    }
}
