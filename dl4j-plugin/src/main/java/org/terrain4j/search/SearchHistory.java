package org.terrain4j.search;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.terrain4j.search.space.SearchSpace;

/**
 * The trials of one search in the order they were suggested: what samplers learn from.
 * Losses are always minimized; an adapter negates scores that are maximized. Call
 * {@link #suggested} when a point goes out, then {@link #complete} or {@link #fail} when its
 * outcome comes back (in any order, any time later). A trial can also report losses at
 * intermediate steps (after each epoch, say) with {@link #intermediate}: what a multi-fidelity
 * sampler learns from, the budget being the step. Not thread-safe: the generator that owns it
 * serializes access.
 */
public final class SearchHistory {

    private final SearchSpace space;
    private final List<Trial> trials = new ArrayList<>();
    /** Each trial's losses by step, for the trials that reported any. */
    private final Map<Integer, TreeMap<Integer, Double>> intermediate = new HashMap<>();
    /** How many trials reported a loss at each step: kept as losses arrive, so {@link #countAt} is a lookup. */
    private final Map<Integer, Integer> trialsAtStep = new HashMap<>();
    /** Each trial's wall-clock seconds, for the trials whose duration was reported. */
    private final Map<Integer, Double> seconds = new HashMap<>();
    private int maxStep;
    private int completeCount;

    /** An empty history over {@code space}. */
    public SearchHistory(SearchSpace space) {
        this.space = space;
    }

    /** The space the trials live in. */
    public SearchSpace space() {
        return space;
    }

    /** Records a snapped point that went out for evaluation; returns its trial id. */
    public int suggested(double[] snappedPoint) {
        if (snappedPoint.length != space.size()) {
            throw new IllegalArgumentException("point has " + snappedPoint.length + " coordinates, the space "
                    + space.size());
        }
        int id = trials.size();
        trials.add(new Trial(id, snappedPoint.clone(), TrialState.PENDING, Double.NaN));
        return id;
    }

    /**
     * Records the outcome of trial {@code id}: a finite loss completes it, NaN or an infinity
     * fails it. A trial is reported once; a second report is an error.
     */
    public void report(int id, double loss) {
        if (Double.isFinite(loss)) {
            complete(id, loss);
        } else {
            fail(id);
        }
    }

    /** Records a finite loss for trial {@code id}. */
    public void complete(int id, double loss) {
        replace(id, TrialState.COMPLETE, loss);
        completeCount++;
    }

    /** Records that trial {@code id} failed. */
    public void fail(int id) {
        replace(id, TrialState.FAILED, Double.NaN);
    }

    private void replace(int id, TrialState state, double loss) {
        if (id < 0 || id >= trials.size()) {
            throw new IllegalArgumentException("no trial " + id + " was suggested (there are " + trials.size() + ")");
        }
        Trial old = trials.get(id);
        if (old.state() != TrialState.PENDING) {
            throw new IllegalStateException("trial " + id + " was already reported as " + old.state());
        }
        trials.set(id, new Trial(id, old.point(), state, loss));
    }

    /**
     * Records trial {@code id}'s loss after {@code step} steps (epochs, say), in any state; a
     * step reported again keeps the newer loss, and a loss that is not finite is not recorded.
     */
    public void intermediate(int id, int step, double loss) {
        if (id < 0 || id >= trials.size()) {
            throw new IllegalArgumentException("no trial " + id + " was suggested (there are " + trials.size() + ")");
        }
        if (step < 1) {
            throw new IllegalArgumentException("steps count from 1, got " + step);
        }
        if (Double.isFinite(loss)) {
            if (intermediate.computeIfAbsent(id, k -> new TreeMap<>()).put(step, loss) == null) {
                trialsAtStep.merge(step, 1, Integer::sum);
            }
            maxStep = Math.max(maxStep, step);
        }
    }

    /**
     * Records that trial {@code id} took {@code wallSeconds} of wall clock (finite, at least 0),
     * in any state: what a cost-aware sampler learns a configuration's price from. Reported again,
     * the newer duration is kept.
     */
    public void duration(int id, double wallSeconds) {
        if (id < 0 || id >= trials.size()) {
            throw new IllegalArgumentException("no trial " + id + " was suggested (there are " + trials.size() + ")");
        }
        if (!(wallSeconds >= 0) || Double.isInfinite(wallSeconds)) {
            throw new IllegalArgumentException("trial " + id + "'s duration must be finite and >= 0 seconds, got "
                    + wallSeconds);
        }
        seconds.put(id, wallSeconds);
    }

    /** Trial {@code id}'s wall-clock seconds, or NaN when no duration was reported. */
    public double durationOf(int id) {
        return seconds.getOrDefault(id, Double.NaN);
    }

    /** The largest step any trial reported a loss at, 0 when none did. */
    public int maxStep() {
        return maxStep;
    }

    /** Trial {@code id}'s losses by step, in step order (an unmodifiable view; empty when it reported none). */
    public java.util.SortedMap<Integer, Double> intermediateOf(int id) {
        TreeMap<Integer, Double> losses = intermediate.get(id);
        return losses == null ? Collections.emptySortedMap() : Collections.unmodifiableSortedMap(losses);
    }

    /** How many trials reported a loss at {@code step}. */
    public int countAt(int step) {
        return trialsAtStep.getOrDefault(step, 0);
    }

    /**
     * The search as it stood at {@code step}, trial for trial (the same ids): each trial that
     * reported a loss there, complete with that loss; each pending trial that has not, pending;
     * the others, which stopped or failed before the step, failed (a sampler leaves them out, or
     * reads them from this history by id). Intermediate losses are not carried over.
     */
    public SearchHistory atStep(int step) {
        SearchHistory at = new SearchHistory(space);
        for (Trial t : trials) {
            int id = at.suggested(t.point());
            TreeMap<Integer, Double> losses = intermediate.get(t.id());
            Double loss = losses == null ? null : losses.get(step);
            if (loss != null) {
                at.complete(id, loss);
            } else if (t.state() != TrialState.PENDING) {
                at.fail(id);
            }
        }
        return at;
    }

    /** Every trial so far, in suggestion order (an unmodifiable view). */
    public List<Trial> trials() {
        return Collections.unmodifiableList(trials);
    }

    /** The trials in {@code state}, in suggestion order. */
    public List<Trial> inState(TrialState state) {
        List<Trial> selected = new ArrayList<>();
        for (Trial t : trials) {
            if (t.state() == state) {
                selected.add(t);
            }
        }
        return selected;
    }

    /** The number of trials suggested so far. */
    public int size() {
        return trials.size();
    }

    /** The number of trials complete with a finite loss. */
    public int completeCount() {
        return completeCount;
    }

    /** Whether a trial at this snapped point was suggested already (in any state). */
    public boolean contains(double[] snappedPoint) {
        for (Trial t : trials) {
            if (SearchSpace.sameConfiguration(t.point(), snappedPoint)) {
                return true;
            }
        }
        return false;
    }
}
