package org.terrain4j.study.run;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.deeplearning4j.arbiter.optimize.api.Candidate;
import org.deeplearning4j.arbiter.optimize.api.OptimizationResult;
import org.deeplearning4j.arbiter.optimize.runner.CandidateInfo;
import org.deeplearning4j.arbiter.optimize.runner.CandidateStatus;

/**
 * One trial as a {@link TrialExecutor} sees it, and all it sees of the study: the trial's number
 * and candidate, the task that trains it in this process, what another process needs to train
 * it, and how what that process sends back becomes the trial's result.
 */
public final class TrialContext {

    private final int number;
    private final Candidate<?> candidate;
    private final Supplier<Callable<OptimizationResult>> localTask;
    private final Supplier<RemoteTrial> remote;
    private final Map<String, String> workerEnvironment;
    private final Consumer<String> pruned;

    TrialContext(int number, Candidate<?> candidate, Supplier<Callable<OptimizationResult>> localTask,
            Supplier<RemoteTrial> remote, Map<String, String> workerEnvironment, Consumer<String> pruned) {
        this.number = number;
        this.candidate = candidate;
        this.localTask = localTask;
        this.remote = remote;
        this.workerEnvironment = Map.copyOf(workerEnvironment);
        this.pruned = pruned;
    }

    /** The trial's number in its study. */
    public int number() {
        return number;
    }

    /** The candidate it trains. */
    public Candidate<?> candidate() {
        return candidate;
    }

    /** The task that trains it on a thread of this process (it tells the status listeners itself). */
    public Callable<OptimizationResult> localTask() {
        return localTask.get();
    }

    /** The trial for another process (a worker, a Spark executor): serializable, without credentials. */
    public RemoteTrial remote() {
        return remote.get();
    }

    /** The environment a worker process needs to reach the study's store: its password, which no trial carries. */
    Map<String, String> workerEnvironment() {
        return workerEnvironment;
    }

    /** The trial's result from what another process sent back (a pruned trial is recorded as such). */
    public OptimizationResult result(TrialOutcome outcome, long start) {
        if (outcome.prunedReason() != null) {
            pruned.accept(outcome.prunedReason());
        }
        int index = candidate.getIndex();
        CandidateInfo info = new CandidateInfo(index, outcome.complete() ? CandidateStatus.Complete : CandidateStatus.Failed,
                outcome.score(), start, start, System.currentTimeMillis(), candidate.getFlatParameters(),
                outcome.failure() == null ? null : outcome.failure() + " (" + outcome.where() + ")");
        return new OptimizationResult(candidate, outcome.score(), index, null, info, null);
    }

    /** The result of a trial whose process failed before sending anything back. */
    public OptimizationResult failed(String why, String where, long start) {
        return result(new TrialOutcome(false, null, why, null, where), start);
    }
}
