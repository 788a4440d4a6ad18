package org.terrain4j.study.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.terrain4j.study.testing.BlobsSearch.configuration;
import static org.terrain4j.study.testing.BlobsSearch.random;
import static org.terrain4j.study.testing.BlobsSearch.space;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.deeplearning4j.arbiter.optimize.api.CandidateGenerator;
import org.junit.jupiter.api.Test;
import org.terrain4j.study.store.InMemoryStudyStore;
import org.terrain4j.study.store.StoreLocation;
import org.terrain4j.study.store.StoredTrial;
import org.terrain4j.study.store.StudyDefinition;
import org.terrain4j.study.store.StudyStore;
import org.terrain4j.study.store.StudySummary;
import org.terrain4j.study.store.TrialDecision;
import org.terrain4j.study.store.TrialState;

/** What a trial sent to a worker process or a Spark executor carries: never the store's password. */
class RemoteTrialTest {

    /** A study kept in memory that says it lives in a PostgreSQL database with a password. */
    private static final class PasswordProtected implements StudyStore {
        private final InMemoryStudyStore data = new InMemoryStudyStore("studies");
        private final StoreLocation location = StoreLocation.parse("postgresql://ann:Wh1sper-77@db.example/studies", Map.of());

        public StudyDefinition open(StudyDefinition definition) { return data.open(definition); }
        public Optional<StudyDefinition> find(String study) { return data.find(study); }
        public List<StudySummary> studies() { return data.studies(); }
        public StoredTrial start(String study, double[] point, String parameters, String worker, boolean isolated,
                Integer retryOf) {
            return data.start(study, point, parameters, worker, isolated, retryOf);
        }
        public void heartbeat(String study, String worker) { data.heartbeat(study, worker); }
        public void report(String study, int number, int step, double value) { data.report(study, number, step, value); }
        public boolean finish(String study, int number, TrialState state, Double score, String reason) {
            return data.finish(study, number, state, score, reason);
        }
        public boolean abandon(String study, int number, boolean retried, String reason) {
            return data.abandon(study, number, retried, reason);
        }
        public List<StoredTrial> trials(String study) { return data.trials(study); }
        public void recordDecisions(String study, int number, List<TrialDecision> decisions) {
            data.recordDecisions(study, number, decisions);
        }
        public java.util.Map<Integer, List<TrialDecision>> decisions(String study) { return data.decisions(study); }
        public StoreLocation location() { return location; }
        public void close() { }
    }

    @Test
    void aTrialCarriesTheStoreWithoutItsPasswordAndAWorkerGetsItInItsEnvironment() throws Exception {
        PasswordProtected store = new PasswordProtected();
        CandidateGenerator generator = random(space(1));
        StudyRunner runner = StudyRunner.builder(configuration(generator, 1)).store(store).study("secret").build();
        TrialContext context = runner.context(generator.getCandidate(), 0);
        RemoteTrial trial = context.remote();

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(trial);
        }
        assertThat(bytes.toString(StandardCharsets.ISO_8859_1)).doesNotContain("Wh1sper-77").contains("db.example");
        assertThat(trial.store().password()).isNull();
        assertThat(context.workerEnvironment()).containsExactly(Map.entry("TERRAIN_DB_PASSWORD", "Wh1sper-77"));
    }
}
