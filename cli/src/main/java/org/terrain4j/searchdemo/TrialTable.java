package org.terrain4j.searchdemo;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.deeplearning4j.arbiter.optimize.api.OptimizationResult;
import org.deeplearning4j.arbiter.optimize.runner.CandidateInfo;
import org.deeplearning4j.arbiter.optimize.runner.CandidateStatus;
import org.deeplearning4j.arbiter.optimize.runner.IOptimizationRunner;
import org.deeplearning4j.arbiter.optimize.runner.listener.StatusListener;
import org.terrain4j.arbiter.TerrainTrial;
import org.terrain4j.study.run.StudyRunner;

/**
 * A status listener that prints one row per finished trial as it finishes (a live table) and
 * keeps the records for the summary.
 */
public final class TrialTable implements StatusListener {

    private final PrintWriter out;
    private final List<TrialRecord> records = Collections.synchronizedList(new ArrayList<>());

    /** Prints to {@code out}. */
    public TrialTable(PrintWriter out) {
        this.out = out;
    }

    /** Prints the header. */
    public void printHeader() {
        out.println(" trial  state      val acc   best      lr  width  schedule    batch  seconds");
        out.flush();
    }

    @Override
    public void onCandidateStatusChange(CandidateInfo info, IOptimizationRunner runner, OptimizationResult result) {
        if (result == null || !(result.getCandidate().getValue() instanceof TerrainTrial trial)) {
            return;
        }
        boolean complete = info.getCandidateStatus() == CandidateStatus.Complete;
        double seconds = info.getEndTime() == null || info.getStartTime() == null ? Double.NaN
                : (info.getEndTime() - info.getStartTime()) / 1000.0;
        StudyRunner study = runner instanceof StudyRunner s ? s : null;
        int number = study == null ? info.getIndex() : study.trialNumber(info.getIndex());
        TrialRecord record = TrialRecord.of(number, trial, complete, info.getScore(), seconds, info.getExceptionStackTrace());
        if (study != null && study.prunedReason(info.getIndex()).isPresent()) {
            record = record.asPruned();
        }
        records.add(record);
        double best = best().map(TrialRecord::score).orElse(Double.NaN);
        if (study != null && study.bestScore() != null && !(best >= study.bestScore())) {
            best = study.bestScore(); // a resumed study's earlier trials
        }
        synchronized (out) {
            out.printf(Locale.ROOT, "%6d  %-8s  %7.4f  %7.4f  %6.3g  %5d  %-10s  %5d  %7.1f%s%n", record.index(),
                    !complete ? "FAILED" : record.pruned() ? "pruned" : "complete", record.score(), best, record.learningRate(), record.width(),
                    record.schedule(), record.batchSize(), record.seconds(),
                    complete ? "" : "  " + record.failure());
            out.flush();
        }
    }

    /** The best complete (not pruned) trial so far. */
    public Optional<TrialRecord> best() {
        synchronized (records) {
            return records.stream().filter(r -> r.complete() && !r.pruned()).max(Comparator.comparingDouble(TrialRecord::score));
        }
    }

    /** Every finished trial, in finishing order. */
    public List<TrialRecord> records() {
        synchronized (records) {
            return List.copyOf(records);
        }
    }

    @Override
    public void onInitialization(IOptimizationRunner runner) {
        // the header is printed by the command
    }

    @Override
    public void onShutdown(IOptimizationRunner runner) {
        // the summary is printed by the command
    }

    @Override
    public void onRunnerStatusChange(IOptimizationRunner runner) {
        // rows are printed per candidate
    }

    @Override
    public void onCandidateIteration(CandidateInfo candidateInfo, Object candidate, int iteration) {
        // no per-iteration output
    }
}
