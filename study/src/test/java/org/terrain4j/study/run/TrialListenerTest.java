package org.terrain4j.study.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.deeplearning4j.arbiter.optimize.api.Candidate;
import org.deeplearning4j.arbiter.optimize.api.OptimizationResult;
import org.deeplearning4j.arbiter.optimize.parameter.FixedValue;
import org.deeplearning4j.arbiter.optimize.runner.CandidateStatus;
import org.junit.jupiter.api.Test;
import org.terrain4j.arbiter.EpochReporter;
import org.terrain4j.arbiter.TerrainPolicy;
import org.terrain4j.arbiter.TerrainTaskCreator;
import org.terrain4j.arbiter.TerrainTrialSpace;
import org.terrain4j.listeners.EventType;
import org.terrain4j.listeners.TerrainListener;
import org.terrain4j.listeners.TerrainListenerBuilder;
import org.terrain4j.study.testing.BlobsDataSource;
import org.terrain4j.study.testing.BlobsSearch;

/**
 * The listener a search trial trains with, by real DL4J training: at the policy's defaults it is
 * Terrain's default decision (the stationarity test), not the plateau rule, and it knows the
 * trial's budget, so it anneals the rate to 0 over the last fifth.
 */
class TrialListenerTest {

    private int batchSize;

    private TerrainListener trainOneTrial(int epochs) throws Exception {
        TerrainTrialSpace space = BlobsSearch.space(new FixedValue<>(0.1), epochs);
        Candidate<?> candidate = BlobsSearch.random(space).getCandidate();
        batchSize = ((org.terrain4j.arbiter.TerrainTrial) candidate.getValue()).batchSize();
        AtomicReference<TerrainListener> seen = new AtomicReference<>();
        EpochReporter reporter = new EpochReporter() {
            @Override
            public Optional<String> afterEpoch(int candidateIndex, int epoch, double score) {
                return Optional.empty();
            }

            @Override
            public void afterTraining(int candidateIndex, TerrainListener listener) {
                seen.set(listener);
            }
        };
        OptimizationResult result = new TerrainTaskCreator().detached(candidate, BlobsDataSource.class, new Properties(),
                BlobsSearch.ACCURACY, reporter, null).call();
        assertThat(result.getCandidateInfo().getCandidateStatus()).isEqualTo(CandidateStatus.Complete);
        return seen.get();
    }

    @Test
    void aTrialsListenerTakesTerrainsDefaultDecisionAndAnnealsOverItsKnownBudget() throws Exception {
        TerrainListener listener = trainOneTrial(10);

        assertThat(TerrainPolicy.DEFAULTS.patience()).isEqualTo(TerrainPolicy.STATIONARITY_TEST);
        assertThat(listener.options().stationarity()).isEqualTo(TerrainListenerBuilder.DEFAULT_STATIONARITY);
        assertThat(listener.options().budget().iterations()).isEqualTo(10 * (240 / batchSize)); // 240 examples
        assertThat(listener.events()).anySatisfy(e -> assertThat(e.type()).isEqualTo(EventType.COOLDOWN));
        assertThat(listener.learningRates().values()).allSatisfy(rate -> assertThat(rate).isLessThan(0.1 / 10));
    }

    @Test
    void aPolicyWithAPatienceTakesThePlateauRule() {
        TerrainListener listener = new TerrainPolicy(org.terrain4j.arbiter.ScheduleFamily.CONSTANT, 0, 0.5, 2).listener(100);
        assertThat(listener.options().stationarity()).isNull();
        assertThat(listener.options().plateau().patience()).isEqualTo(2);
        assertThat(listener.options().plateau().factor()).isEqualTo(0.5);
    }
}
