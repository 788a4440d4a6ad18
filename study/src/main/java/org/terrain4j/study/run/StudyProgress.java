package org.terrain4j.study.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.deeplearning4j.arbiter.optimize.api.Candidate;
import org.deeplearning4j.arbiter.optimize.api.OptimizationResult;
import org.deeplearning4j.arbiter.optimize.api.saving.ResultReference;
import org.deeplearning4j.arbiter.optimize.runner.CandidateInfo;
import org.deeplearning4j.arbiter.optimize.runner.CandidateStatus;
import org.deeplearning4j.arbiter.optimize.runner.IOptimizationRunner;
import org.deeplearning4j.arbiter.optimize.runner.listener.StatusListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A study as Arbiter's status listeners and termination conditions see it through
 * {@link IOptimizationRunner}: the counts and the best score of the whole study
 * ({@link StudyTally}), each of this run's candidates' status and saved results, and the status
 * listeners. {@link StudyRunner} keeps it up to date.
 */
abstract class StudyProgress implements IOptimizationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(StudyProgress.class);

    final StudyTally tally;
    final List<StatusListener> listeners = new CopyOnWriteArrayList<>();
    /** This run's candidates that are training, by index. */
    final Map<Integer, Candidate<?>> running = new ConcurrentHashMap<>();
    private final Map<Integer, CandidateInfo> status = new ConcurrentHashMap<>();
    private final List<ResultReference> results = new CopyOnWriteArrayList<>();

    StudyProgress(StudyTally tally) {
        this.tally = tally;
    }

    /** {@code candidate} started training. */
    void markRunning(Candidate<?> candidate) {
        long now = System.currentTimeMillis();
        status.put(candidate.getIndex(), new CandidateInfo(candidate.getIndex(), CandidateStatus.Running, null, now, now, null,
                candidate.getFlatParameters(), null));
        running.put(candidate.getIndex(), candidate);
    }

    /** {@code candidate} finished: complete with {@code score} (pruned when {@code note} says why), or failed (score null, {@code note} the reason). */
    void markFinished(Candidate<?> candidate, Double score, String note, ResultReference saved) {
        long now = System.currentTimeMillis();
        running.remove(candidate.getIndex());
        status.put(candidate.getIndex(), new CandidateInfo(candidate.getIndex(),
                score == null ? CandidateStatus.Failed : CandidateStatus.Complete, score, now, now, now,
                candidate.getFlatParameters(), note));
        if (saved != null) {
            results.add(saved);
        }
    }

    /** Tells the status listeners that a trial trained elsewhere finished, as a local task would have. */
    void tellListeners(Candidate<?> candidate, OptimizationResult result, int trialNumber) {
        CandidateInfo info = result != null && result.getCandidateInfo() != null ? result.getCandidateInfo()
                : status.get(candidate.getIndex());
        OptimizationResult told = result != null ? result
                : new OptimizationResult(candidate, null, candidate.getIndex(), null, info, null);
        for (StatusListener listener : listeners) {
            try {
                listener.onCandidateStatusChange(info, this, told);
            } catch (RuntimeException e) {
                LOG.error("status listener {} failed on trial {}", listener, trialNumber, e);
            }
        }
    }

    @Override
    public int numCandidatesTotal() {
        return tally.total();
    }

    @Override
    public int numCandidatesCompleted() {
        return tally.completed();
    }

    @Override
    public int numCandidatesFailed() {
        return tally.failures();
    }

    @Override
    public int numCandidatesQueued() {
        return running.size();
    }

    @Override
    public Double bestScore() {
        return tally.bestScore();
    }

    @Override
    public Long bestScoreTime() {
        return tally.bestScoreTime();
    }

    @Override
    public int bestScoreCandidateIndex() {
        return tally.bestIndex();
    }

    @Override
    public List<ResultReference> getResults() {
        return List.copyOf(results);
    }

    @Override
    public List<CandidateInfo> getCandidateStatus() {
        return new ArrayList<>(status.values());
    }

    @Override
    public void addListeners(StatusListener... add) {
        for (StatusListener l : add) {
            if (!listeners.contains(l)) {
                listeners.add(l);
            }
        }
    }

    @Override
    public void removeListeners(StatusListener... remove) {
        listeners.removeAll(List.of(remove));
    }

    @Override
    public void removeAllListeners() {
        listeners.clear();
    }
}
