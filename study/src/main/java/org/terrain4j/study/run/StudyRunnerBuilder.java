package org.terrain4j.study.run;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;
import org.deeplearning4j.arbiter.optimize.api.TaskCreator;
import org.deeplearning4j.arbiter.optimize.config.OptimizationConfiguration;
import org.terrain4j.arbiter.TerrainTaskCreator;
import org.terrain4j.study.prune.Pruner;
import org.terrain4j.study.store.StudyName;
import org.terrain4j.study.store.StudyStore;

/** Builds a {@link StudyRunner}: {@code StudyRunner.builder(configuration)}. */
public final class StudyRunnerBuilder {

    final OptimizationConfiguration configuration;
    TaskCreator taskCreator = new TerrainTaskCreator();
    StudyStore store;
    String study;
    TrialExecutor executor;
    Pruner pruner = Pruner.NONE;
    Path modelFolder;
    long heartbeatMillis = 10_000;
    long staleAfterMillis = 120_000;
    String worker = Worker.current();
    boolean shared;
    Function<Object, String> describer = String::valueOf;

    StudyRunnerBuilder(OptimizationConfiguration configuration) {
        this.configuration = Objects.requireNonNull(configuration, "configuration");
    }

    /** The store (required). */
    public StudyRunnerBuilder store(StudyStore store) {
        this.store = store;
        return this;
    }

    /** The study's name (required; {@link StudyName}: a safe folder name). */
    public StudyRunnerBuilder study(String name) {
        this.study = StudyName.check(name);
        return this;
    }

    /** How candidates train: Terrain's task creator by default (needed for pruning). */
    public StudyRunnerBuilder taskCreator(TaskCreator taskCreator) {
        this.taskCreator = Objects.requireNonNull(taskCreator, "taskCreator");
        return this;
    }

    /** Where trials train: {@code new LocalTrialExecutor(1)} by default. */
    public StudyRunnerBuilder executor(TrialExecutor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
        return this;
    }

    /** The pruner; {@link Pruner#NONE} by default. */
    public StudyRunnerBuilder pruner(Pruner pruner) {
        this.pruner = Objects.requireNonNull(pruner, "pruner");
        return this;
    }

    /** Keep the best model in this folder ({@code best-model.zip}); none by default. */
    public StudyRunnerBuilder modelFolder(Path folder) {
        this.modelFolder = folder;
        return this;
    }

    /**
     * How often running trials heartbeat, and after how long without one a trial of another
     * host counts as abandoned (10 s and 120 s by default).
     */
    public StudyRunnerBuilder heartbeat(long everyMillis, long staleAfterMillis) {
        if (everyMillis < 1 || staleAfterMillis <= everyMillis) {
            throw new IllegalArgumentException("need 0 < heartbeat interval < stale timeout, got " + everyMillis
                    + " ms and " + staleAfterMillis + " ms");
        }
        this.heartbeatMillis = everyMillis;
        this.staleAfterMillis = staleAfterMillis;
        return this;
    }

    /** This process's name in the store ({@code host:pid} by default). */
    public StudyRunnerBuilder worker(String worker) {
        this.worker = Objects.requireNonNull(worker, "worker");
        return this;
    }

    /**
     * How a candidate's configuration is described in the store's {@code parameters} (what
     * {@code terrain studies show} prints): its {@code toString} by default.
     */
    public StudyRunnerBuilder describer(Function<Object, String> describer) {
        this.describer = Objects.requireNonNull(describer, "describer");
        return this;
    }

    /**
     * Whether other processes run trials of this study at the same time (PostgreSQL): then
     * their finished trials count towards this runner's termination conditions (the budget
     * is the study's; it can be passed by the trials other workers are still running) and a
     * Terrain generator learns them before each proposal. Off by default.
     */
    public StudyRunnerBuilder shared(boolean shared) {
        this.shared = shared;
        return this;
    }

    /** The runner; the store and the study name are required. */
    public StudyRunner build() {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(study, "study");
        if (configuration.getTerminationConditions() == null || configuration.getTerminationConditions().isEmpty()) {
            throw new IllegalArgumentException("the configuration needs termination conditions (e.g. MaxCandidatesCondition)");
        }
        if (executor == null) {
            executor = new LocalTrialExecutor(1);
        }
        if (pruner != Pruner.NONE && !(taskCreator instanceof TerrainTaskCreator)) {
            throw new IllegalArgumentException("pruning needs TerrainTaskCreator, whose tasks report each epoch;"
                    + " got " + taskCreator.getClass().getName());
        }
        return new StudyRunner(this);
    }
}
