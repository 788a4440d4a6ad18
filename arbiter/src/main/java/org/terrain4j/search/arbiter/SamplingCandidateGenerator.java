package org.terrain4j.search.arbiter;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import org.deeplearning4j.arbiter.optimize.api.Candidate;
import org.deeplearning4j.arbiter.optimize.api.CandidateGenerator;
import org.deeplearning4j.arbiter.optimize.api.OptimizationResult;
import org.deeplearning4j.arbiter.optimize.api.ParameterSpace;
import org.deeplearning4j.arbiter.optimize.runner.CandidateInfo;
import org.deeplearning4j.arbiter.optimize.runner.CandidateStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.terrain4j.search.Sampler;
import org.terrain4j.search.SearchHistory;
import org.terrain4j.search.Trial;
import org.terrain4j.search.TrialState;
import org.terrain4j.search.UniformSampler;
import org.terrain4j.search.space.SearchSpace;

/**
 * An Arbiter {@link CandidateGenerator} driven by a {@link Sampler}: it proposes points of the
 * unit hypercube, snaps them to the configurations Arbiter's {@code getValue} selects, and
 * learns from every reported result. Candidate indices are trial ids (0, 1, 2, ...).
 *
 * <p>Defined behaviour at the edges:
 * <ul>
 *   <li>A result whose score is null, NaN or infinite, or whose status is Failed, is a failed
 *       trial: samplers avoid it (see each sampler) and it never counts as the best.</li>
 *   <li>Arbiter's runner does not report candidates that fail inside its own task creators;
 *       they stay pending here (the Gaussian process then assumes its own prediction there).
 *       Terrain's task creator reports them through {@link #reportFailure}.</li>
 *   <li>A proposal that selects a configuration already suggested is replaced by a uniform
 *       draw that does not (up to 1000 tries), then by the first unsuggested configuration of a
 *       finite space; when every configuration of a finite space has been suggested,
 *       {@link #hasMoreCandidates} turns false.</li>
 *   <li>After {@code maxConsecutiveFailures} failed trials in a row, {@link #hasMoreCandidates}
 *       turns false and the reason is logged once. Add {@link GeneratorExhaustedCondition} to the
 *       configuration's termination conditions so Arbiter's runner stops then instead of waiting.</li>
 * </ul>
 * Thread-safe: Arbiter calls it from its runner thread, Terrain's tasks from theirs.
 */
public abstract class SamplingCandidateGenerator implements CandidateGenerator {

    private static final Logger LOG = LoggerFactory.getLogger(SamplingCandidateGenerator.class);
    private static final int DEDUPLICATION_TRIES = 1000;

    private final ParameterSpace<?> parameterSpace;
    private final Map<String, Object> dataParameters;
    private final SearchSpace space;
    private final boolean minimize;
    private final int maxConsecutiveFailures;
    private final Map<Integer, String> failureReasons = new HashMap<>();
    private long seed;
    private SplittableRandom random;
    private SearchHistory history;
    private Sampler sampler;
    private int consecutiveFailures;
    private boolean stopLogged;

    /**
     * @param parameterSpace the Arbiter space; its leaves get indices here
     * @param dataParameters passed through to every candidate (may be null)
     * @param minimize whether lower scores are better (Arbiter's {@code ScoreFunction.minimize()})
     * @param seed the seed of every random choice
     * @param maxConsecutiveFailures failed trials in a row after which the search stops, at least 1
     */
    protected SamplingCandidateGenerator(ParameterSpace<?> parameterSpace, Map<String, Object> dataParameters,
            boolean minimize, long seed, int maxConsecutiveFailures) {
        this.parameterSpace = Objects.requireNonNull(parameterSpace, "parameterSpace");
        if (maxConsecutiveFailures < 1) {
            throw new IllegalArgumentException("maxConsecutiveFailures must be >= 1, got " + maxConsecutiveFailures);
        }
        this.dataParameters = dataParameters;
        this.space = ArbiterSpaces.index(parameterSpace);
        this.minimize = minimize;
        this.maxConsecutiveFailures = maxConsecutiveFailures;
        this.seed = seed;
    }

    /** The sampler for a fresh search over {@code space} seeded with {@code seed}. */
    protected abstract Sampler newSampler(SearchSpace space, long seed);

    private void startIfNeeded() {
        if (history == null) {
            history = new SearchHistory(space);
            random = new SplittableRandom(seed);
            sampler = newSampler(space, seed);
        }
    }

    @Override
    public synchronized boolean hasMoreCandidates() {
        startIfNeeded();
        if (consecutiveFailures >= maxConsecutiveFailures) {
            if (!stopLogged) {
                stopLogged = true;
                LOG.error("{}: stopping after {} failed trials in a row; the last failure: {}", this,
                        consecutiveFailures, lastFailureReason());
            }
            return false;
        }
        return space.finiteSize().stream().noneMatch(size -> history.size() >= size);
    }

    @Override
    public synchronized Candidate<?> getCandidate() {
        startIfNeeded();
        if (!hasMoreCandidates()) {
            throw new IllegalStateException(this + " has no more candidates: " + (consecutiveFailures
                    >= maxConsecutiveFailures ? consecutiveFailures + " failures in a row" : "every configuration was suggested"));
        }
        double[] point = unsuggested(space.snap(sampler.propose(history, random)));
        int id = history.suggested(point);
        try {
            return new Candidate<>(parameterSpace.getValue(point), id, point, dataParameters, null);
        } catch (RuntimeException e) {
            recordFailure(id, "the parameter space could not build the configuration: " + e);
            return new Candidate<>((Object) null, id, point, dataParameters, e);
        }
    }

    private double[] unsuggested(double[] snapped) {
        if (!history.contains(snapped)) {
            return snapped;
        }
        UniformSampler uniform = new UniformSampler();
        for (int t = 0; t < DEDUPLICATION_TRIES; t++) {
            double[] p = space.snap(uniform.propose(history, random));
            if (!history.contains(p)) {
                return p;
            }
        }
        return FiniteSpaces.firstUnsuggested(space, history).orElse(snapped);
    }

    @Override
    public synchronized void reportResults(OptimizationResult result) {
        startIfNeeded();
        int id = result.getIndex();
        Double score = result.getScore();
        boolean failed = result.getCandidateInfo() != null
                && result.getCandidateInfo().getCandidateStatus() == CandidateStatus.Failed;
        CandidateInfo info = result.getCandidateInfo();
        if (info != null && info.getStartTime() != null && info.getEndTime() != null
                && info.getEndTime() >= info.getStartTime()) {
            history.duration(id, (info.getEndTime() - info.getStartTime()) / 1e3);
        }
        if (failed || score == null || !Double.isFinite(score)) {
            recordFailure(id, failed ? "the task failed" : "score " + score);
            return;
        }
        history.complete(id, minimize ? score : -score);
        consecutiveFailures = 0;
    }

    /**
     * Adds a trial evaluated earlier (a resumed study) to the history, as if this generator had
     * suggested it and been told its outcome: the model learns from it and never suggests it
     * again. Call before the first {@link #getCandidate}, in the trials' original order.
     *
     * @param point the trial's flat parameters, as {@link Candidate#getFlatParameters()} gave them
     * @param score its score, or null when it failed
     * @return the candidate index it gets here
     */
    public synchronized int restore(double[] point, Double score) {
        startIfNeeded();
        if (point.length != space.size()) {
            throw new IllegalArgumentException("a stored trial has " + point.length + " parameters, the space has "
                    + space.size() + "; was the search space changed?");
        }
        int id = history.suggested(space.snap(point));
        if (score == null || !Double.isFinite(score)) {
            recordFailure(id, "failed before the search was resumed");
        } else {
            history.complete(id, minimize ? score : -score);
            consecutiveFailures = 0;
        }
        return id;
    }

    /**
     * Registers a configuration that is being evaluated again outside this generator's proposals
     * (a study's retrial of a trial whose worker died) as suggested and pending: no proposal
     * selects it while it runs or after, and its result is reported with the returned index
     * ({@link #reportResults} or {@link #reportFailure}) like any candidate's.
     *
     * @param point the configuration's flat parameters, as {@link Candidate#getFlatParameters()} gave them
     * @return the candidate index it gets here
     */
    public synchronized int pending(double[] point) {
        startIfNeeded();
        if (point.length != space.size()) {
            throw new IllegalArgumentException("a retried trial has " + point.length + " parameters, the space has "
                    + space.size() + "; was the search space changed?");
        }
        return history.suggested(space.snap(point));
    }

    /**
     * Tells the generator candidate {@code index}'s score after {@code step} epochs (or other
     * steps, counted from 1), in any state, from a pruned trial's epochs as much as a complete
     * one's: what a multi-fidelity generator ({@link MultiFidelityTpeGenerator}) learns from; the
     * others keep it without using it. A score that is not finite is not kept.
     */
    public synchronized void reportIntermediate(int index, int step, double score) {
        startIfNeeded();
        history.intermediate(index, step, minimize ? score : -score);
    }

    /**
     * Tells the generator that candidate {@code index} took {@code seconds} of wall clock (a
     * resumed study's or another worker's trial; the candidates reported through
     * {@link #reportResults} bring theirs in Arbiter's {@code CandidateInfo}): what a cost-aware
     * model learns each configuration's price from ({@code GpOptions.costExponent}).
     */
    public synchronized void reportDuration(int index, double seconds) {
        startIfNeeded();
        history.duration(index, seconds);
    }

    /**
     * Records that candidate {@code index} failed for {@code reason} (an exception, NaN, out of
     * memory); telling it twice counts once.
     */
    public synchronized void reportFailure(int index, String reason) {
        startIfNeeded();
        recordFailure(index, reason);
    }

    private void recordFailure(int id, String reason) {
        if (failureReasons.containsKey(id)) {
            return; // told twice (by the task and by the runner)
        }
        history.fail(id);
        failureReasons.put(id, reason);
        consecutiveFailures++;
    }

    private String lastFailureReason() {
        return failureReasons.entrySet().stream().max(Map.Entry.comparingByKey())
                .map(e -> "trial " + e.getKey() + ": " + e.getValue()).orElse("none recorded");
    }

    /** The best complete trial so far, with its loss (the score, negated when maximizing). */
    public synchronized Optional<Trial> bestTrial() {
        startIfNeeded();
        return history.inState(TrialState.COMPLETE).stream()
                .min(java.util.Comparator.comparingDouble(Trial::loss));
    }

    /** The number of trials suggested so far. */
    public synchronized int suggestedCount() {
        return history == null ? 0 : history.size();
    }

    /** The search space read from the Arbiter space. */
    public SearchSpace searchSpace() {
        return space;
    }

    /** Whether lower scores are better. */
    public boolean minimize() {
        return minimize;
    }

    @Override
    public ParameterSpace<?> getParameterSpace() {
        return parameterSpace;
    }

    /** Restarts the search from scratch with this seed (Arbiter calls it when the configuration has one). */
    @Override
    public synchronized void setRngSeed(long rngSeed) {
        if (history != null && history.size() > 0) {
            throw new IllegalStateException("setRngSeed after " + history.size()
                    + " candidates were suggested would change the search under way; set the seed before starting");
        }
        this.seed = rngSeed;
        this.history = null;
    }

    /** The seed. */
    public long seed() {
        return seed;
    }

    @Override
    public Class<?> getCandidateType() {
        return null;
    }
}
