package org.terrain4j.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.terrain4j.search.SearchHistory;
import org.terrain4j.search.TrialState;
import org.terrain4j.search.gp.GpOptions;
import org.terrain4j.search.gp.MultiFidelityGpSampler;
import org.junit.jupiter.api.Test;

/**
 * The simulated workers of the multi-fidelity benchmarks: one worker trains its trials one after
 * another, several propose while the others' trials are pending, and a seed's search is the same
 * search every time.
 */
class SyntheticSearchTest {

    private static final int TRIALS = 16;

    /** A sampler that records how many trials were pending at each proposal, proposing uniformly. */
    private static final class Recording implements org.terrain4j.search.Sampler {
        final List<Integer> pendingAtProposal = new ArrayList<>();

        @Override
        public double[] propose(SearchHistory history, java.util.SplittableRandom random) {
            pendingAtProposal.add(history.inState(TrialState.PENDING).size());
            return random.doubles(history.space().size()).toArray();
        }
    }

    private static List<SyntheticSearch.Progress> run(org.terrain4j.search.Sampler sampler, int workers) {
        List<SyntheticSearch.Progress> progress = new ArrayList<>();
        SyntheticSearch.run(sampler, 3, TRIALS, workers, progress::add);
        return progress;
    }

    @Test
    void oneWorkerTrainsItsTrialsInTurnWithNothingPending() {
        Recording sampler = new Recording();
        List<SyntheticSearch.Progress> progress = run(sampler, 1);

        assertThat(progress).extracting(SyntheticSearch.Progress::trials).containsExactly(
                java.util.stream.IntStream.rangeClosed(1, TRIALS).boxed().toArray(Integer[]::new));
        assertThat(progress).allSatisfy(p -> assertThat(p.ticks()).isEqualTo(p.epochs()));
        assertThat(sampler.pendingAtProposal).hasSize(TRIALS - SyntheticSearch.STARTUP).containsOnly(0);
    }

    @Test
    void fourWorkersProposeWhileTheOthersTrialsRunAndTakeLessWallClock() {
        Recording sampler = new Recording();
        List<SyntheticSearch.Progress> progress = run(sampler, 4);

        assertThat(progress).hasSize(TRIALS);
        assertThat(sampler.pendingAtProposal).hasSize(TRIALS - SyntheticSearch.STARTUP).allMatch(p -> p >= 1 && p <= 3);
        SyntheticSearch.Progress last = progress.get(TRIALS - 1);
        assertThat(last.ticks()).isLessThan(last.epochs());
        assertThat(last.history().inState(TrialState.PENDING)).isEmpty();
    }

    @Test
    void unprunedTrialsTrainEveryEpochAndNoneStartsPastTheEpochBudget() {
        List<SyntheticSearch.Progress> progress = new ArrayList<>();
        SyntheticSearch.run(SyntheticTraining.MICHALEWICZ5, new Recording(), false, 3, Integer.MAX_VALUE, 100, 1,
                progress::add);

        // 100 epochs: trials start at epochs 0, 27, 54 and 81, and the fourth runs to 108
        assertThat(progress).extracting(SyntheticSearch.Progress::epochs).containsExactly(27, 54, 81, 108);
        assertThat(progress.get(0).history().space().size()).isEqualTo(5);
        assertThat(progress).allSatisfy(p -> assertThat(p.regret()).isFinite().isNotNegative());
    }

    @Test
    void aSeedsSearchWithTheMultiFidelityGpIsTheSameSearchEveryTime() {
        List<SyntheticSearch.Progress> first = run(new MultiFidelityGpSampler(GpOptions.DEFAULTS), 4);
        List<SyntheticSearch.Progress> second = run(new MultiFidelityGpSampler(GpOptions.DEFAULTS), 4);

        assertThat(second).extracting(SyntheticSearch.Progress::regret)
                .containsExactlyElementsOf(first.stream().map(SyntheticSearch.Progress::regret).toList());
        assertThat(second).extracting(SyntheticSearch.Progress::epochs)
                .containsExactlyElementsOf(first.stream().map(SyntheticSearch.Progress::epochs).toList());
    }

    @Test
    void badArgumentsNameTheArgumentAndTheValue() {
        assertThatThrownBy(() -> BenchArguments.seedRange("3-1")).hasMessage("last seed must be at least 3, got 1");
        assertThatThrownBy(() -> BenchArguments.checkpoints("50,x", 100))
                .hasMessage("checkpoint must be a whole number, got 'x'");
        assertThatThrownBy(() -> BenchArguments.checkpoints("150", 100)).hasMessage("checkpoint 150 is beyond TRIALS 100");
    }
}
