package org.terrain4j.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The outcome of one training run of the demo.
 *
 * @param name the run's label, e.g. {@code constant LR}
 * @param epochs one record per epoch, in order
 * @param testAccuracy accuracy of the final model on the test set
 * @param explainedChanges learning-rate changes with the controller's reasons; changes seen in
 *                         {@code epochs} but not listed here are reported as "schedule"
 * @param elapsed wall-clock training and evaluation time
 */
public record RunResult(String name, List<EpochRecord> epochs, double testAccuracy,
                        List<LearningRateChange> explainedChanges, Duration elapsed) {

    /** Copies the lists and requires at least one epoch. */
    public RunResult {
        epochs = List.copyOf(epochs);
        explainedChanges = List.copyOf(explainedChanges);
        if (epochs.isEmpty()) {
            throw new IllegalArgumentException("a run has at least one epoch");
        }
    }

    /** The epoch with the highest validation accuracy (the earliest on ties). */
    public EpochRecord bestEpoch() {
        return epochs.stream()
                .max(Comparator.comparingDouble(EpochRecord::validationAccuracy)
                        .thenComparing(Comparator.comparingInt(EpochRecord::epoch).reversed()))
                .orElseThrow();
    }

    /**
     * Every learning-rate change between consecutive epochs (and from the starting rate to the
     * first epoch), with the explained reason where there is one.
     */
    public List<LearningRateChange> learningRateChanges(double startingRate) {
        List<LearningRateChange> changes = new ArrayList<>();
        double previous = startingRate;
        for (EpochRecord epoch : epochs) {
            if (Double.compare(epoch.learningRate(), previous) != 0) {
                changes.add(explanationFor(epoch.epoch(), previous, epoch.learningRate()));
            }
            previous = epoch.learningRate();
        }
        return changes;
    }

    private LearningRateChange explanationFor(int epoch, double from, double to) {
        return explainedChanges.stream().filter(c -> c.epoch() == epoch).findFirst()
                .map(c -> new LearningRateChange(epoch, from, to, c.reason()))
                .orElse(new LearningRateChange(epoch, from, to, "schedule"));
    }
}
