package org.terrain4j.study.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.deeplearning4j.arbiter.optimize.api.ParameterSpace;
import org.junit.jupiter.api.Test;
import org.terrain4j.search.Sampler;
import org.terrain4j.search.SearchHistory;
import org.terrain4j.search.UniformSampler;
import org.terrain4j.search.arbiter.BayesianSearchGenerator;
import org.terrain4j.search.arbiter.SamplingCandidateGenerator;
import org.terrain4j.search.space.SearchSpace;
import org.terrain4j.study.prune.SuccessiveHalvingPruner;
import org.terrain4j.study.store.InMemoryStudyStore;
import org.terrain4j.study.store.StoredTrial;
import org.terrain4j.study.store.TrialState;
import org.terrain4j.study.testing.BlobsSearch;

/**
 * A generator learns every epoch of every trial from the store, pruned ones included, by real
 * DL4J training under ASHA: what a multi-fidelity generator needs. A sampler that records what
 * it was shown stands in for a model (it proposes uniformly).
 */
class GeneratorLearnsEpochsTest {

    /** What one proposal saw: how many trials had a score after 1 epoch, the longest step, and how many were timed. */
    private record Seen(int afterOneEpoch, int maxStep, int timed) {
    }

    private static final class Recording extends SamplingCandidateGenerator {
        final List<Seen> seen = new ArrayList<>();

        Recording(ParameterSpace<?> space) {
            super(space, null, false, 4, 5);
        }

        @Override
        protected Sampler newSampler(SearchSpace space, long seed) {
            Sampler uniform = new UniformSampler();
            return (SearchHistory history, SplittableRandom random) -> {
                int timed = (int) history.trials().stream().filter(t -> history.durationOf(t.id()) >= 0).count();
                seen.add(new Seen(history.countAt(1), history.maxStep(), timed));
                return uniform.propose(history, random);
            };
        }
    }

    @Test
    void everyFinishedTrialsEpochsAndDurationReachTheGeneratorAndAResumedOneLearnsThemFromTheStore() {
        InMemoryStudyStore store = new InMemoryStudyStore("studies");
        var space = BlobsSearch.space(4);
        Recording first = new Recording(space);
        StudyRunner.builder(BlobsSearch.configuration(first, 8)).store(store).study("epochs")
                .pruner(new SuccessiveHalvingPruner(1, 2, 0, 0)).build().execute();
        List<StoredTrial> trials = store.trials("epochs");
        assertThat(trials).hasSize(8);
        assertThat(trials).anyMatch(t -> t.state() == TrialState.PRUNED);

        // One trial at a time: the k-th proposal saw the k trials before it, each with its first epoch and its duration.
        for (int k = 0; k < 8; k++) {
            assertThat(first.seen.get(k).afterOneEpoch()).as("proposal %d", k).isEqualTo(k);
            assertThat(first.seen.get(k).timed()).as("proposal %d", k).isEqualTo(k);
        }
        assertThat(first.seen.get(7).maxStep()).isEqualTo(trials.subList(0, 7).stream()
                .mapToInt(t -> t.intermediate().size()).max().orElseThrow());

        Recording resumed = new Recording(space);
        StudyRunner.builder(BlobsSearch.configuration(resumed, 9)).store(store).study("epochs")
                .pruner(new SuccessiveHalvingPruner(1, 2, 0, 0)).build().execute();
        assertThat(resumed.seen).singleElement().isEqualTo(new Seen(8,
                trials.stream().mapToInt(t -> t.intermediate().size()).max().orElseThrow(), 8));
    }

    @Test
    void theGaussianProcessOverConfigurationAndEpochRunsAPrunedStudyAndResumesIt() {
        InMemoryStudyStore store = new InMemoryStudyStore("studies");
        var space = BlobsSearch.space(4);
        StudyRunner.builder(BlobsSearch.configuration(
                        BayesianSearchGenerator.builder(space).minimize(false).startupTrials(4).seed(3).multiFidelity().build(), 10))
                .store(store).study("mfgp").pruner(new SuccessiveHalvingPruner(1, 2, 0, 0)).build().execute();
        StudyRunner.builder(BlobsSearch.configuration(
                        BayesianSearchGenerator.builder(space).minimize(false).startupTrials(4).seed(3).multiFidelity().build(), 14))
                .store(store).study("mfgp").pruner(new SuccessiveHalvingPruner(1, 2, 0, 0)).build().execute();

        List<StoredTrial> trials = store.trials("mfgp");
        assertThat(trials).hasSize(14).allMatch(t -> t.state() == TrialState.COMPLETE || t.state() == TrialState.PRUNED);
        assertThat(trials).anyMatch(t -> t.state() == TrialState.PRUNED);
        assertThat(trials.stream().map(t -> java.util.Arrays.toString(t.point())).distinct()).as("no configuration twice")
                .hasSize(14);
    }
}
