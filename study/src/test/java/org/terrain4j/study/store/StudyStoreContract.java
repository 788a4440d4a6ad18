package org.terrain4j.study.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What every study store does, run against a real database by each subclass. */
abstract class StudyStoreContract {

    /** A fresh, empty store location. */
    abstract StoreLocation freshLocation() throws Exception;

    /** Opens (or reopens) the store at {@code location}: a database's by default. */
    StudyStore openStore(StoreLocation location) {
        return JdbcStudyStore.open(location);
    }

    static StudyDefinition study(String name) {
        return new StudyDefinition(name, "{\"lr\":[0.001,1]}", Direction.MAXIMIZE, "tpe", 7);
    }

    @Test
    void aStudyIsCreatedOnceAndReopenedWithTheSameSpace() throws Exception {
        StoreLocation location = freshLocation();
        try (StudyStore store = openStore(location)) {
            assertThat(store.find("digits")).isEmpty();
            assertThat(store.open(study("digits"))).isEqualTo(study("digits"));
        }
        try (StudyStore store = openStore(location)) {
            assertThat(store.open(study("digits"))).as("reopened").isEqualTo(study("digits"));
        }
    }

    @Test
    void aStudyNameReusedWithAnotherSpaceDirectionOrGeneratorIsRefusedAndKept() throws Exception {
        try (StudyStore store = openStore(freshLocation())) {
            store.open(study("digits"));
            store.start("digits", new double[] {0.5}, "{}", "w");
            assertThatThrownBy(() -> store.open(new StudyDefinition("digits", "{\"lr\":[0.01,1]}", Direction.MAXIMIZE, "tpe", 7)))
                    .isInstanceOf(StoreException.class).hasMessageContaining("study 'digits'")
                    .hasMessageContaining("another search space");
            assertThatThrownBy(() -> store.open(new StudyDefinition("digits", study("digits").space(), Direction.MINIMIZE, "tpe", 7)))
                    .isInstanceOf(StoreException.class).hasMessageContaining("maximize");
            // Resumed with another generator or seed, its trials would mix with another search's.
            assertThatThrownBy(() -> store.open(new StudyDefinition("digits", study("digits").space(), Direction.MAXIMIZE,
                    "random", 7))).isInstanceOf(StoreException.class)
                    .hasMessageContaining("was created with the tpe generator, not random");
            // The seed is the creator's: workers of a shared study run with seeds of their own.
            assertThat(store.open(new StudyDefinition("digits", study("digits").space(), Direction.MAXIMIZE, "tpe", 8)))
                    .isEqualTo(study("digits"));
            // A study stored before spaces carried their epoch count takes any count.
            org.assertj.core.api.Assertions.assertThatCode(() -> store.open(new StudyDefinition("digits",
                    study("digits").space() + StudyDefinition.EPOCHS + "2", Direction.MAXIMIZE, "tpe", 7)))
                    .doesNotThrowAnyException();
            assertThat(store.trials("digits")).hasSize(1);
            // One that carries it is another search at another count.
            store.open(new StudyDefinition("eight", "{}" + StudyDefinition.EPOCHS + "8", Direction.MAXIMIZE, "tpe", 7));
            assertThatThrownBy(() -> store.open(new StudyDefinition("eight", "{}" + StudyDefinition.EPOCHS + "2",
                    Direction.MAXIMIZE, "tpe", 7))).isInstanceOf(StoreException.class)
                    .hasMessageContaining("another search space");
        }
    }

    @Test
    void trialsKeepTheirPointStateScoresAndIntermediateValuesAcrossReopening() throws Exception {
        StoreLocation location = freshLocation();
        try (StudyStore store = openStore(location)) {
            store.open(study("s"));
            StoredTrial first = store.start("s", new double[] {0.25, 1.0 / 3}, "{\"lr\":0.01}", "host:1");
            StoredTrial second = store.start("s", new double[] {0.75, 0.5}, "{\"lr\":0.1}", "host:1");
            StoredTrial third = store.start("s", new double[] {0.1, 0.9}, "{\"lr\":0.5}", "host:2");
            assertThat(List.of(first.number(), second.number(), third.number())).containsExactly(0, 1, 2);
            store.report("s", 0, 1, 0.8);
            store.report("s", 0, 2, 0.85);
            store.report("s", 0, 2, 0.9);
            assertThat(store.finish("s", 0, TrialState.COMPLETE, 0.9, null)).isTrue();
            store.report("s", 1, 1, 0.3);
            assertThat(store.finish("s", 1, TrialState.PRUNED, 0.3, "below the median at epoch 0")).isTrue();
            store.report("s", 2, 1, 0.5);
            store.report("s", 2, 3, 0.7); // epoch 2 scored NaN: nothing was reported for it
            assertThatThrownBy(() -> store.report("s", 2, 0, 0.1)).hasMessage("step must be at least 1 (the epoch just finished), got 0");
            assertThat(store.finish("s", 1, TrialState.COMPLETE, 0.99, null)).as("finished once").isFalse();
        }
        try (StudyStore store = openStore(location)) {
            List<StoredTrial> trials = store.trials("s");
            assertThat(trials).extracting(StoredTrial::state)
                    .containsExactly(TrialState.COMPLETE, TrialState.PRUNED, TrialState.RUNNING);
            assertThat(trials.get(0).point()).containsExactly(0.25, 1.0 / 3);
            assertThat(trials.get(0).intermediate()).containsExactly(0.8, 0.9);
            assertThat(trials.get(0).score()).isEqualTo(0.9);
            assertThat(trials.get(0).finishedAt()).isNotNull();
            assertThat(trials.get(1).reason()).isEqualTo("below the median at epoch 0");
            assertThat(trials.get(2).score()).isNull();
            assertThat(trials.get(2).intermediate()).as("by step: epoch 3 stays epoch 3").containsExactly(0.5, Double.NaN, 0.7);
            for (StoredTrial trial : trials) {
                assertThat(store.intermediate("s", trial.number())).as("one trial's read, trial " + trial.number())
                        .isEqualTo(trial.intermediate());
            }
            assertThat(store.intermediate("s", 3)).as("no such trial").isEmpty();
            assertThat(store.intermediate("no such study", 0)).isEmpty();
            assertThat(trials.get(2).worker()).isEqualTo("host:2");
            assertThat(trials.get(0).provenance()).contains("\"java\":\"" + System.getProperty("java.version"))
                    .containsPattern("\"dl4j\":\"\\d+\\.\\d+\\.\\d+").contains("\"terrain\":\"");
            StudySummary summary = store.studies().get(0);
            assertThat(summary.bestTrial()).isZero();
            assertThat(summary.bestScore()).isEqualTo(0.9);
            assertThat(summary.trialsByState()).containsEntry(TrialState.RUNNING, 1).containsEntry(TrialState.FAILED, 0);
        }
    }

    @Test
    void aTrialsDecisionsAreKeptInOrderReplacedWholeAndBounded() throws Exception {
        StoreLocation location = freshLocation();
        TrialDecision decay = new TrialDecision(4, 376, "LEARNING_RATE_SCALED", "PLATEAU", 0.3, 0.09,
                "stationary at this rate's noise floor");
        TrialDecision rollback = new TrialDecision(6, 500, "ROLLBACK", "DIVERGING", 0.09, null, "x".repeat(5000));
        try (StudyStore store = openStore(location)) {
            store.open(study("d"));
            store.start("d", new double[] {0.5}, "{}", "host:1");
            store.start("d", new double[] {0.6}, "{}", "host:1");
            store.recordDecisions("d", 0, List.of(new TrialDecision(1, 50, "RATE_TRIAL", "DESCENDING", 0.1, 0.3, "rise")));
            store.recordDecisions("d", 0, List.of(decay, rollback));
            List<TrialDecision> many = new java.util.ArrayList<>();
            for (int i = 0; i < StudyStore.MAX_DECISIONS + 50; i++) {
                many.add(new TrialDecision(i, i, "ROLLBACK", "DIVERGING", 1.0, 0.5, "rollback " + i));
            }
            store.recordDecisions("d", 1, many);
            assertThatThrownBy(() -> store.recordDecisions("d", 9, List.of(decay))).isInstanceOf(StoreException.class);
        }
        try (StudyStore store = openStore(location)) {
            java.util.Map<Integer, List<TrialDecision>> decisions = store.decisions("d");
            assertThat(decisions.get(0)).as("replaced whole, in order").hasSize(2);
            assertThat(decisions.get(0).get(0)).isEqualTo(decay);
            assertThat(decisions.get(0).get(1).rateAfter()).isNull();
            assertThat(decisions.get(0).get(1).reason()).hasSize(TrialDecision.MAX_REASON).endsWith("...");
            assertThat(decisions.get(1)).hasSize(StudyStore.MAX_DECISIONS);
            assertThat(decisions.get(1).get(StudyStore.MAX_DECISIONS - 1).reason())
                    .as("the last one is kept").isEqualTo("rollback " + (StudyStore.MAX_DECISIONS + 49));
            assertThat(decay.summary()).isEqualTo("e4 0.300->0.0900");
            assertThat(rollback.summary()).isEqualTo("e6 rollback");
        }
    }

    @Test
    void heartbeatsTouchOnlyTheWorkersRunningTrials() throws Exception {
        try (StudyStore store = openStore(freshLocation())) {
            store.open(study("s"));
            StoredTrial mine = store.start("s", new double[] {0.1}, "{}", "me");
            StoredTrial theirs = store.start("s", new double[] {0.2}, "{}", "them");
            Thread.sleep(20);
            store.heartbeat("s", "me");
            List<StoredTrial> trials = store.trials("s");
            assertThat(trials.get(0).heartbeatAt()).isGreaterThan(mine.heartbeatAt());
            assertThat(trials.get(1).heartbeatAt()).isEqualTo(theirs.heartbeatAt());
        }
    }

    @Test
    void concurrentWorkersClaimDistinctTrialNumbers() throws Exception {
        StoreLocation location = freshLocation();
        try (StudyStore store = openStore(location)) {
            store.open(study("shared"));
        }
        Set<Integer> numbers = ConcurrentHashMap.newKeySet();
        ExecutorService workers = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new java.util.ArrayList<>();
            for (int w = 0; w < 4; w++) {
                String worker = "w" + w;
                futures.add(workers.submit(() -> {
                    try (StudyStore store = openStore(location)) {
                        for (int i = 0; i < 10; i++) {
                            numbers.add(store.start("shared", new double[] {i}, "{}", worker).number());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            workers.shutdown();
        }
        assertThat(numbers).hasSize(40);
        try (StudyStore store = openStore(location)) {
            assertThat(new HashSet<>(store.trials("shared").stream().map(StoredTrial::number).toList()))
                    .isEqualTo(numbers).hasSize(40);
        }
    }

    @Test
    void anAbandonedTrialIsFailedWithItsAbandonmentAndOnlyOnce() throws Exception {
        try (StudyStore store = openStore(freshLocation())) {
            store.open(study("s"));
            StoredTrial retried = store.start("s", new double[] {0.1}, "{}", "gone:1");
            StoredTrial givenUp = store.start("s", new double[] {0.2}, "{}", "gone:1");
            StoredTrial again = store.start("s", new double[] {0.1}, "{}", "me", true, retried.number());
            assertThat(store.abandon("s", retried.number(), true, "abandoned: worker gone:1 stopped")).isTrue();
            assertThat(store.abandon("s", givenUp.number(), false, "abandoned: worker gone:1 stopped")).isTrue();
            assertThat(store.abandon("s", givenUp.number(), true, "again")).as("finished once").isFalse();
            assertThat(store.finish("s", again.number(), TrialState.COMPLETE, 0.5, null)).isTrue();
            List<StoredTrial> trials = store.trials("s");
            assertThat(trials).extracting(StoredTrial::abandonment)
                    .containsExactly(Abandonment.RETRIED, Abandonment.GIVEN_UP, Abandonment.NONE);
            assertThat(trials).extracting(StoredTrial::state)
                    .containsExactly(TrialState.FAILED, TrialState.FAILED, TrialState.COMPLETE);
            assertThat(trials.get(2).retryOf()).isEqualTo(retried.number());
            assertThat(trials.get(2).isolated()).isTrue();
        }
    }

    @Test
    void startingATrialOfAMissingStudyNamesIt() throws Exception {
        try (StudyStore store = openStore(freshLocation())) {
            assertThatThrownBy(() -> store.start("nope", new double[] {0}, "{}", "w"))
                    .isInstanceOf(StoreException.class).hasMessageContaining("study 'nope' does not exist");
        }
    }
}
