package org.terrain4j.study.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A study store in this process's memory, with the semantics of the SQLite and PostgreSQL stores
 * (the same contract test runs on all three): for testing runner logic without a database, and
 * for searches whose record need not outlive the process. Thread-safe. Closing it keeps its
 * studies (it is the data; drop the reference to forget them); worker processes cannot reach it,
 * and {@link JdbcStudyStore#open} says so when handed its location.
 */
public final class InMemoryStudyStore implements StudyStore {

    private final StoreLocation location;
    private final Map<String, Study> studies = new TreeMap<>();

    /** One study: its definition, its next trial number and its trials by number. */
    private static final class Study {
        final StudyDefinition definition;
        final Map<Integer, Trial> trials = new LinkedHashMap<>();
        int next;

        Study(StudyDefinition definition) {
            this.definition = definition;
        }
    }

    /** A trial as the store keeps it, with its scores by step. */
    private static final class Trial {
        final int number;
        final double[] point;
        final String parameters;
        final String worker;
        final long startedAt;
        final boolean isolated;
        final Integer retryOf;
        final String provenance = Provenance.current().toJson();
        final TreeMap<Integer, Double> values = new TreeMap<>();
        List<TrialDecision> decisions = List.of();
        TrialState state = TrialState.RUNNING;
        Double score;
        String reason;
        long heartbeatAt;
        Long finishedAt;
        Abandonment abandonment = Abandonment.NONE;

        Trial(int number, double[] point, String parameters, String worker, long now, boolean isolated, Integer retryOf) {
            this.number = number;
            this.point = point.clone();
            this.parameters = parameters;
            this.worker = worker;
            this.startedAt = now;
            this.heartbeatAt = now;
            this.isolated = isolated;
            this.retryOf = retryOf;
        }

        StoredTrial stored() {
            List<Double> byStep = new ArrayList<>();
            values.forEach((step, value) -> IntermediateValues.append(byStep, step, value));
            return new StoredTrial(number, state, point.clone(), parameters, score, reason, worker, startedAt, heartbeatAt,
                    finishedAt, List.copyOf(byStep), isolated, retryOf, abandonment, provenance);
        }
    }

    /** An empty store named {@code name} (its location reads {@code memory:NAME}). */
    public InMemoryStudyStore(String name) {
        location = StoreLocation.memory(name);
    }

    @Override
    public synchronized StudyDefinition open(StudyDefinition definition) {
        Study study = studies.computeIfAbsent(definition.name(), n -> new Study(definition));
        return definition.continues(study.definition, location);
    }

    @Override
    public synchronized Optional<StudyDefinition> find(String study) {
        return Optional.ofNullable(studies.get(study)).map(s -> s.definition);
    }

    @Override
    public synchronized List<StudySummary> studies() {
        List<StudySummary> summaries = new ArrayList<>();
        for (Study study : studies.values()) {
            summaries.add(StudySummary.of(study.definition, trials(study.definition.name())));
        }
        return summaries;
    }

    @Override
    public synchronized StoredTrial start(String study, double[] point, String parameters, String worker, boolean isolated,
            Integer retryOf) {
        Study s = existing(study);
        Trial trial = new Trial(s.next++, point, parameters, worker, System.currentTimeMillis(), isolated, retryOf);
        s.trials.put(trial.number, trial);
        return trial.stored();
    }

    @Override
    public synchronized void heartbeat(String study, String worker) {
        long now = System.currentTimeMillis();
        for (Trial t : existing(study).trials.values()) {
            if (t.state == TrialState.RUNNING && t.worker.equals(worker)) {
                t.heartbeatAt = now;
            }
        }
    }

    @Override
    public synchronized void report(String study, int number, int step, double value) {
        IntermediateValues.requireStep(step);
        existingTrial(study, number).values.put(step, value);
    }

    @Override
    public synchronized void recordDecisions(String study, int number, List<TrialDecision> decisions) {
        existingTrial(study, number).decisions = StudyStore.bounded(decisions);
    }

    private Trial existingTrial(String study, int number) {
        Trial trial = existing(study).trials.get(number);
        if (trial == null) {
            throw new StoreException("study '" + study + "' in " + location + " has no trial " + number);
        }
        return trial;
    }

    @Override
    public synchronized Map<Integer, List<TrialDecision>> decisions(String study) {
        Map<Integer, List<TrialDecision>> all = new TreeMap<>();
        for (Trial t : existing(study).trials.values()) {
            if (!t.decisions.isEmpty()) {
                all.put(t.number, t.decisions);
            }
        }
        return all;
    }

    @Override
    public synchronized boolean finish(String study, int number, TrialState state, Double score, String reason) {
        return finish(study, number, state.requireFinished(), score, reason, Abandonment.NONE);
    }

    @Override
    public synchronized boolean abandon(String study, int number, boolean retried, String reason) {
        return finish(study, number, TrialState.FAILED, null, reason, Abandonment.of(retried));
    }

    private boolean finish(String study, int number, TrialState state, Double score, String reason, Abandonment how) {
        Trial trial = existing(study).trials.get(number);
        if (trial == null || trial.state != TrialState.RUNNING) {
            return false;
        }
        trial.abandonment = how;
        trial.state = state;
        trial.score = score == null || !Double.isFinite(score) ? null : score;
        trial.reason = reason;
        trial.finishedAt = System.currentTimeMillis();
        return true;
    }

    @Override
    public synchronized List<StoredTrial> trials(String study) {
        Study s = studies.get(study);
        return s == null ? List.of() : s.trials.values().stream().map(Trial::stored).toList();
    }

    @Override
    public synchronized List<Double> intermediate(String study, int number) {
        Study s = studies.get(study);
        Trial trial = s == null ? null : s.trials.get(number);
        return trial == null ? List.of() : trial.stored().intermediate();
    }

    @Override
    public StoreLocation location() {
        return location;
    }

    /** Keeps the studies: this store is their only copy. */
    @Override
    public void close() {
    }

    private Study existing(String study) {
        Study s = studies.get(study);
        if (s == null) {
            throw new StoreException("study '" + study + "' does not exist in " + location);
        }
        return s;
    }

    @Override
    public String toString() {
        return "InMemoryStudyStore[" + location + "]";
    }
}
