package org.terrain4j.study.run;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.deeplearning4j.arbiter.optimize.api.Candidate;
import org.deeplearning4j.arbiter.optimize.api.CandidateGenerator;
import org.deeplearning4j.arbiter.optimize.api.OptimizationResult;
import org.deeplearning4j.arbiter.optimize.runner.CandidateInfo;
import org.deeplearning4j.arbiter.optimize.runner.CandidateStatus;
import org.terrain4j.search.arbiter.SamplingCandidateGenerator;
import org.terrain4j.study.store.StoreException;
import org.terrain4j.study.store.StoredTrial;
import org.terrain4j.study.store.TrialState;

/**
 * How a study runner's candidate generator learns the study, whose history is the store's:
 * chosen once, when the runner is built, from the generator.
 * <ul>
 *   <li>{@link Learning}: a Terrain generator learns any stored trial as it is (a resumed
 *       study's, another worker's), its per-epoch scores included, registers retrials as
 *       pending and is told every outcome;</li>
 *   <li>{@link Replaying}: any other generator (Arbiter's random and grid search) cannot be
 *       told past trials, so a resumed study asks it for as many candidates as the study has,
 *       each checked to be the stored one; retrials get negative indices it never sees, and
 *       other workers' trials (their own seeds) are not its.</li>
 * </ul>
 */
sealed interface StudyGenerator permits StudyGenerator.Learning, StudyGenerator.Replaying {

    /** The strategy for {@code generator}, in study {@code study} (named in errors). */
    static StudyGenerator of(CandidateGenerator generator, String study) {
        return generator instanceof SamplingCandidateGenerator sampling ? new Learning(sampling)
                : new Replaying(generator, study);
    }

    /** The generator. */
    CandidateGenerator generator();

    /** A finished trial of this study from an earlier run, in trial order. */
    void resumeFrom(StoredTrial trial);

    /** A trial another process of a shared study finished. */
    void learnFromOtherWorker(StoredTrial trial);

    /** The candidate that trains an abandoned trial's configuration again. */
    Candidate<?> retrial(StoredTrial abandoned);

    /**
     * Told how candidate {@code candidate} ended once the store committed it: its result, or null
     * with the failure, and its per-epoch scores as stored (read only by a generator that learns
     * from them).
     */
    void finished(Candidate<?> candidate, OptimizationResult result, String failure, Supplier<List<Double>> intermediate);

    /** A candidate for {@code point} with index {@code index}, or one that carries why its configuration could not be built. */
    private static Candidate<?> candidate(CandidateGenerator generator, double[] point, int index) {
        try {
            return new Candidate<>(generator.getParameterSpace().getValue(point), index, point, null, null);
        } catch (RuntimeException e) {
            return new Candidate<>((Object) null, index, point, null, e);
        }
    }

    /** A Terrain generator: it learns every stored trial itself. */
    record Learning(SamplingCandidateGenerator generator) implements StudyGenerator {

        @Override
        public void resumeFrom(StoredTrial trial) {
            learnFromOtherWorker(trial);
        }

        @Override
        public void learnFromOtherWorker(StoredTrial trial) {
            if (!Abandoned.is(trial)) { // an abandoned trial says nothing about its configuration
                int index = generator.restore(trial.point(), trial.state() == TrialState.FAILED ? null : trial.score());
                intermediate(index, trial.intermediate());
                if (trial.finishedAt() != null && trial.finishedAt() >= trial.startedAt()) {
                    generator.reportDuration(index, (trial.finishedAt() - trial.startedAt()) / 1e3);
                }
            }
        }

        /** The per-epoch scores of candidate {@code index}, epoch 1 first (NaN where an epoch stored none). */
        private void intermediate(int index, List<Double> scores) {
            for (int epoch = 1; epoch <= scores.size(); epoch++) {
                generator.reportIntermediate(index, epoch, scores.get(epoch - 1));
            }
        }

        @Override
        public Candidate<?> retrial(StoredTrial abandoned) {
            // pending: proposed neither while the retrial runs nor after, and told its result like any candidate
            return candidate(generator, abandoned.point(), generator.pending(abandoned.point()));
        }

        @Override
        public void finished(Candidate<?> candidate, OptimizationResult result, String failure,
                Supplier<List<Double>> intermediate) {
            intermediate(candidate.getIndex(), intermediate.get());
            if (result != null) {
                generator.reportResults(result);
            } else {
                generator.reportFailure(candidate.getIndex(), failure); // a second report (the task's) counts once
            }
        }
    }

    /** Any other generator: replayed on resume. */
    final class Replaying implements StudyGenerator {

        private final CandidateGenerator generator;
        private final String study;
        private int nextRetrialIndex = -1;

        Replaying(CandidateGenerator generator, String study) {
            this.generator = generator;
            this.study = study;
        }

        @Override
        public CandidateGenerator generator() {
            return generator;
        }

        @Override
        public void resumeFrom(StoredTrial trial) {
            if (Abandoned.isRetrial(trial)) {
                return; // the runner started it, the generator never proposed it
            }
            String name = generator.getClass().getSimpleName();
            if (!generator.hasMoreCandidates()) {
                throw new StoreException("study '" + study + "' has more trials than " + name
                        + " can replay; was its seed or space changed?");
            }
            Candidate<?> candidate = generator.getCandidate();
            if (!Arrays.equals(candidate.getFlatParameters(), trial.point())) {
                throw new StoreException("study '" + study + "': " + name + " does not reproduce trial " + trial.number()
                        + " (another seed?); resume with the study's seed or use another --study");
            }
            if (trial.state() != TrialState.FAILED && trial.score() != null) {
                generator.reportResults(new OptimizationResult(candidate, trial.score(), candidate.getIndex(), null,
                        new CandidateInfo(candidate.getIndex(), CandidateStatus.Complete, trial.score(), trial.startedAt(),
                                trial.startedAt(), trial.finishedAt(), trial.point(), null), null));
            }
        }

        @Override
        public void learnFromOtherWorker(StoredTrial trial) {
            // another worker's generator (another seed) proposed it: this one's sequence is its own
        }

        @Override
        public Candidate<?> retrial(StoredTrial abandoned) {
            return candidate(generator, abandoned.point(), nextRetrialIndex--);
        }

        @Override
        public void finished(Candidate<?> candidate, OptimizationResult result, String failure,
                Supplier<List<Double>> intermediate) {
            if (result != null && candidate.getIndex() >= 0) { // Arbiter's runner tells generators successes only
                generator.reportResults(result);
            }
        }
    }
}
