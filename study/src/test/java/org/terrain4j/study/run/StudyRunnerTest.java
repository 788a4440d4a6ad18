package org.terrain4j.study.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.terrain4j.study.testing.BlobsSearch.configuration;
import static org.terrain4j.study.testing.BlobsSearch.random;
import static org.terrain4j.study.testing.BlobsSearch.space;
import static org.terrain4j.study.testing.BlobsSearch.tpe;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.deeplearning4j.arbiter.optimize.api.CandidateGenerator;
import org.deeplearning4j.arbiter.optimize.config.OptimizationConfiguration;
import org.deeplearning4j.arbiter.optimize.generator.RandomSearchGenerator;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.terrain4j.arbiter.TerrainTrialSpace;
import org.terrain4j.search.arbiter.TpeSearchGenerator;
import org.terrain4j.study.prune.PercentilePruner;
import org.terrain4j.study.prune.Pruner;
import org.terrain4j.study.store.JdbcStudyStore;
import org.terrain4j.study.store.StoreException;
import org.terrain4j.study.store.StoreLocation;
import org.terrain4j.study.store.StoredTrial;
import org.terrain4j.study.store.StudyStore;
import org.terrain4j.study.store.TrialDecision;
import org.terrain4j.study.store.TrialState;
import org.terrain4j.study.testing.BlobsDataSource;

/** The study runner on real DL4J training (Gaussian blobs) with a real SQLite store. */
class StudyRunnerTest {

    @TempDir
    Path folder;

    StudyStore store() {
        return JdbcStudyStore.open(StoreLocation.parse("sqlite:" + folder.resolve("studies.db")));
    }

    void run(StudyStore store, CandidateGenerator generator, int trials, Pruner pruner) {
        StudyRunner.builder(configuration(generator, trials)).store(store).study("blobs").pruner(pruner)
                .modelFolder(folder.resolve("models")).build().execute();
    }

    @Test
    void recordsEveryTrialWithItsEpochScoresAndKeepsTheBestModel() throws Exception {
        try (StudyStore store = store()) {
            run(store, tpe(space(3)), 5, Pruner.NONE);
            List<StoredTrial> trials = store.trials("blobs");
            assertThat(trials).hasSize(5).allSatisfy(t -> {
                assertThat(t.state()).isEqualTo(TrialState.COMPLETE);
                assertThat(t.intermediate()).hasSize(3);
                assertThat(t.score()).isEqualTo(t.intermediate().get(2));
                assertThat(t.parameters()).contains("TerrainTrial");
            });
            StoredTrial best = trials.stream().max(java.util.Comparator.comparingDouble(StoredTrial::score)).orElseThrow();
            var summary = new ObjectMapper().readTree(folder.resolve("models/best-model.json").toFile());
            assertThat(summary.get("score").asDouble()).isEqualTo(best.score());
            assertThat(summary.get("trial").asInt()).isEqualTo(best.number());
            assertThat(summary.get("study").asText()).isEqualTo("blobs");
            MultiLayerNetwork model = ModelSerializer.restoreMultiLayerNetwork(folder.resolve("models/best-model.zip").toFile());
            assertThat(model.numParams()).isPositive();
        }
    }

    @Test
    void eachTrialRecordsTheDecisionsItsListenerTookInOrderAndWhereTrainingEnded() {
        try (StudyStore store = store()) {
            run(store, random(space(8)), 4, Pruner.NONE);
            java.util.Map<Integer, List<TrialDecision>> decisions = store.decisions("blobs");
            assertThat(decisions.keySet()).as("every trial").containsExactlyInAnyOrder(0, 1, 2, 3);
            assertThat(decisions.values().stream().flatMap(List::stream).filter(d -> !d.kind().equals("FINAL")))
                    .as("some trial's rate was cut in 8 epochs").isNotEmpty();
            decisions.forEach((number, taken) -> {
                assertThat(taken).isSortedAccordingTo(java.util.Comparator.comparingLong(TrialDecision::iteration));
                assertThat(taken).allSatisfy(d -> {
                    assertThat(d.epoch()).isBetween(0, 8);
                    assertThat(d.reason()).isNotBlank();
                    if (d.kind().equals("LEARNING_RATE_SCALED")) {
                        assertThat(d.rateAfter()).isLessThan(d.rateBefore());
                    }
                });
                TrialDecision last = taken.get(taken.size() - 1);
                assertThat(last.kind()).isEqualTo("FINAL");
                assertThat(last.epoch()).isEqualTo(8);
                assertThat(last.rateAfter()).as("annealed to 0 over the trial's known budget").isZero();
                assertThat(taken).anySatisfy(d -> assertThat(d.kind()).isEqualTo("COOLDOWN"));
                assertThat(last.reason()).startsWith("final: ").contains("smoothed loss");
                assertThat(last.summary()).startsWith("final ");
            });
        }
    }

    @Test
    void resumingTpeContinuesTheStudyWithoutRepeatingAConfiguration() {
        try (StudyStore store = store()) {
            run(store, tpe(space(2)), 4, Pruner.NONE);
            List<double[]> before = store.trials("blobs").stream().map(StoredTrial::point).toList();
            run(store, tpe(space(2)), 8, Pruner.NONE);
            List<StoredTrial> after = store.trials("blobs");
            assertThat(after).hasSize(8).allSatisfy(t -> assertThat(t.state()).isEqualTo(TrialState.COMPLETE));
            for (int i = 0; i < 4; i++) {
                assertThat(after.get(i).point()).containsExactly(before.get(i));
            }
            Set<String> distinct = after.stream().map(t -> java.util.Arrays.toString(t.point())).collect(Collectors.toSet());
            assertThat(distinct).hasSize(8);
        }
    }

    @Test
    void resumingArbitersRandomSearchReplaysItAndGoesOnAsIfUninterrupted() throws Exception {
        List<double[]> uninterrupted;
        try (StudyStore store = JdbcStudyStore.open(StoreLocation.parse("sqlite:" + folder.resolve("once.db")))) {
            StudyRunner.builder(configuration(random(space(1)), 6)).store(store).study("blobs").build().execute();
            uninterrupted = store.trials("blobs").stream().map(StoredTrial::point).toList();
        }
        try (StudyStore store = store()) {
            run(store, random(space(1)), 3, Pruner.NONE);
            run(store, random(space(1)), 6, Pruner.NONE);
            List<double[]> resumed = store.trials("blobs").stream().map(StoredTrial::point).toList();
            assertThat(resumed).hasSize(6);
            for (int i = 0; i < 6; i++) {
                assertThat(resumed.get(i)).containsExactly(uninterrupted.get(i));
            }
        }
    }

    @Test
    void resumingWithAnotherSeedIsRefusedNotMixedIn() {
        try (StudyStore store = store()) {
            run(store, random(space(1)), 2, Pruner.NONE);
            RandomSearchGenerator other = new RandomSearchGenerator(space(1), null);
            other.setRngSeed(99);
            assertThatThrownBy(() -> run(store, other, 4, Pruner.NONE)).isInstanceOf(StoreException.class)
                    .hasMessageContaining("does not reproduce trial 0");
            assertThat(store.trials("blobs")).hasSize(2);
        }
    }

    @Test
    void resumingTpeWithAnotherSeedIsRefusedBeforeAnyTrial() {
        try (StudyStore store = store()) {
            run(store, tpe(space(1)), 2, Pruner.NONE);
            CandidateGenerator reseeded = TpeSearchGenerator.builder(space(1))
                    .scoreFunction(org.terrain4j.study.testing.BlobsSearch.ACCURACY).seed(6).build();
            assertThatThrownBy(() -> run(store, reseeded, 4, Pruner.NONE)).isInstanceOf(StoreException.class)
                    .hasMessageContaining("study 'blobs'").hasMessageContaining("was created with seed 5, not 6");
            assertThat(store.trials("blobs")).hasSize(2);
        }
    }

    @Test
    void trialsOfADeadWorkerAreMarkedAbandonedAndTrainedAgain() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        String deadWorker = Worker.current().replaceFirst(":[^:]+$", ":" + gone.pid());
        TerrainTrialSpace space = space(1);
        double[] point = new double[((TpeSearchGenerator) tpe(space)).searchSpace().size()];
        java.util.Arrays.fill(point, 0.5);
        try (StudyStore store = store()) {
            store.open(StudyRunner.builder(configuration(tpe(space), 1)).store(store).study("blobs").build().definition());
            store.start("blobs", point, "left running", deadWorker);
            run(store, tpe(space), 3, Pruner.NONE);
            List<StoredTrial> trials = store.trials("blobs");
            assertThat(trials.get(0).state()).isEqualTo(TrialState.FAILED);
            assertThat(trials.get(0).reason()).startsWith("abandoned: worker " + deadWorker).contains("trained again");
            assertThat(trials.get(1).point()).containsExactly(point);
            assertThat(trials.get(1).retryOf()).as("retry lineage, as data").isZero();
            assertThat(trials.get(1).state()).isEqualTo(TrialState.COMPLETE);
            assertThat(trials).hasSize(4);
            // The retrial is TPE's own pending candidate: it never proposes the configuration again.
            assertThat(trials.stream().filter(t -> java.util.Arrays.equals(t.point(), point))).hasSize(2);
        }
    }

    @Test
    void aRetrialMarkedButNeverStartedIsStartedOnTheNextResumeAndRandomSearchReplaysAroundIt() {
        try (StudyStore store = store()) {
            run(store, random(space(1)), 2, Pruner.NONE);
            CandidateGenerator same = random(space(1));
            same.getCandidate();
            same.getCandidate();
            StoredTrial left = store.start("blobs", same.getCandidate().getFlatParameters(), "x", "gone:1");
            // what a process killed right after marking the trial abandoned leaves behind
            store.abandon("blobs", left.number(), true, "abandoned: worker gone:1 stopped; trained again");
            run(store, random(space(1)), 4, Pruner.NONE);
            List<StoredTrial> trials = store.trials("blobs");
            assertThat(trials.stream().filter(t -> t.number() > left.number()
                    && java.util.Arrays.equals(t.point(), left.point()))).hasSize(1)
                    .allSatisfy(t -> assertThat(t.retryOf()).isEqualTo(left.number()));
            run(store, random(space(1)), 5, Pruner.NONE);
            assertThat(store.trials("blobs").stream().filter(t -> t.state() == TrialState.COMPLETE)).hasSize(5);
        }
    }

    @Test
    void thePrunerStopsPoorTrialsEarlyAndTheyAreRecordedPruned() {
        try (StudyStore store = store()) {
            run(store, random(space(6)), 10, new PercentilePruner(50, 2, 1, 1, 1));
            List<StoredTrial> trials = store.trials("blobs");
            List<StoredTrial> pruned = trials.stream().filter(t -> t.state() == TrialState.PRUNED).toList();
            assertThat(pruned).isNotEmpty().allSatisfy(t -> {
                assertThat(t.intermediate().size()).isLessThan(6);
                assertThat(t.score()).isEqualTo(t.intermediate().get(t.intermediate().size() - 1));
                assertThat(t.reason()).contains("below the median");
            });
            assertThat(trials.stream().filter(t -> t.state() == TrialState.COMPLETE)).allSatisfy(
                    t -> assertThat(t.intermediate()).hasSize(6));
        }
    }

    @Test
    void aTrialThatThrowsIsRecordedFailedAndTheSearchGoesOn() {
        java.util.Properties properties = new java.util.Properties();
        properties.setProperty(BlobsDataSource.BROKEN_BATCH_SIZE, "32");
        OptimizationConfiguration configuration = configuration(random(space(1)), 6, properties);
        try (StudyStore store = store()) {
            StudyRunner.builder(configuration).store(store).study("blobs").modelFolder(folder.resolve("models")).build().execute();
            List<StoredTrial> trials = store.trials("blobs");
            assertThat(trials).hasSize(6);
            Set<TrialState> states = new HashSet<>(trials.stream().map(StoredTrial::state).toList());
            assertThat(states).contains(TrialState.FAILED, TrialState.COMPLETE);
            assertThat(trials.stream().filter(t -> t.state() == TrialState.FAILED))
                    .allSatisfy(t -> assertThat(t.reason()).contains("disk read error"));
            assertThat(Files.exists(folder.resolve("models/best-model.zip"))).isTrue();
        }
    }
}
