package org.terrain4j.study.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.terrain4j.study.store.Abandonment;
import org.terrain4j.study.store.StoredTrial;
import org.terrain4j.study.store.TrialState;

/** The resume plan from stored trials alone: who is abandoned, and who is trained again. */
class ResumePlanTest {

    private static final long NOW = 1_000_000;
    private static final long STALE = 120_000;
    private static final double[] KILLER = {0.9};

    private static StoredTrial running(int number, double[] point, String worker, long heartbeatAt, boolean isolated) {
        return new StoredTrial(number, TrialState.RUNNING, point, "", null, null, worker, 0, heartbeatAt, null, List.of(),
                isolated, null, Abandonment.NONE);
    }

    private static StoredTrial abandonedBefore(int number, double[] point, boolean isolated) {
        return new StoredTrial(number, TrialState.FAILED, point, "", null, Abandoned.REASON + ": worker old:1 stopped; "
                + Abandoned.RETRIED, "old:1", 0, 0, 1L, List.of(), isolated, null, Abandonment.RETRIED);
    }

    private static ResumePlan plan(List<StoredTrial> trials) {
        return ResumePlan.of(trials, NOW, STALE, worker -> worker.equals("dead:7"), "me:1");
    }

    @Test
    void abandonsTrialsOfDeadOrSilentWorkersButNotLiveOnesOrItsOwn() {
        List<StoredTrial> trials = List.of(
                running(0, new double[] {0.1}, "dead:7", NOW, false),          // known dead on this host
                running(1, new double[] {0.2}, "far:3", NOW - STALE - 1, false), // silent too long
                running(2, new double[] {0.3}, "far:4", NOW - 1000, false),     // alive elsewhere
                running(3, new double[] {0.4}, "me:1", 0, false));              // this process's own

        ResumePlan plan = plan(trials);

        assertThat(plan.abandonments()).extracting(ResumePlan.Abandonment::number).containsExactly(0, 1);
        assertThat(plan.abandonments()).allMatch(ResumePlan.Abandonment::retry);
        assertThat(plan.abandonments().get(0).reason()).startsWith(Abandoned.REASON + ": worker dead:7 stopped")
                .endsWith(Abandoned.RETRIED);
    }

    @Test
    void aConfigurationThatKilledItsProcessThreeTimesIsNotRetriedUnlessItTrainedInAWorkerOfItsOwn() {
        List<StoredTrial> trials = new ArrayList<>();
        for (int n = 0; n < ResumePlan.MAX_RETRIES; n++) {
            trials.add(abandonedBefore(n, KILLER, false));
        }
        trials.add(running(3, KILLER, "dead:7", NOW, false));
        trials.add(running(4, KILLER, "dead:7", NOW, true));

        ResumePlan plan = plan(trials);

        assertThat(plan.abandonments()).extracting(ResumePlan.Abandonment::number).containsExactly(3, 4);
        assertThat(plan.abandonments().get(0).retry()).isFalse();
        assertThat(plan.abandonments().get(0).reason()).contains("not retried");
        assertThat(plan.abandonments().get(1).retry()).isTrue(); // its own process outlives its crashes
    }

    @Test
    void driverDeathsWhileTheConfigurationTrainedInWorkersDoNotCountAgainstIt() {
        List<StoredTrial> trials = new ArrayList<>();
        for (int n = 0; n < 5; n++) {
            trials.add(abandonedBefore(n, KILLER, true));
        }
        trials.add(running(5, KILLER, "dead:7", NOW, false));

        assertThat(plan(trials).abandonments()).singleElement().matches(ResumePlan.Abandonment::retry);
    }
}
