package org.terrain4j.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.terrain4j.search.space.SearchSpace;

class SearchHistoryTest {

    @Test
    void aDurationIsKeptPerTrialInAnyStateTheNewerWhenReportedAgain() {
        SearchHistory history = new SearchHistory(SearchSpace.continuous(1));
        int pruned = history.suggested(new double[] {0.1});
        history.duration(pruned, 8);
        history.complete(pruned, 0.3);
        int running = history.suggested(new double[] {0.2});
        history.duration(running, 3);
        int untimed = history.suggested(new double[] {0.3});

        assertThat(history.durationOf(pruned)).isEqualTo(8.0);
        assertThat(history.durationOf(running)).isEqualTo(3.0);
        assertThat(history.durationOf(untimed)).isNaN();
        history.duration(running, 5);
        assertThat(history.durationOf(running)).isEqualTo(5.0);
    }

    @Test
    void aDurationOfNoTrialOrNotAFiniteNonNegativeNumberIsAnErrorNamingIt() {
        SearchHistory history = new SearchHistory(SearchSpace.continuous(1));
        int id = history.suggested(new double[] {0.5});
        assertThatThrownBy(() -> history.duration(3, 1)).hasMessage("no trial 3 was suggested (there are 1)");
        assertThatThrownBy(() -> history.duration(id, -1))
                .hasMessage("trial 0's duration must be finite and >= 0 seconds, got -1.0");
        assertThatThrownBy(() -> history.duration(id, Double.POSITIVE_INFINITY)).hasMessageContaining("Infinity");
        assertThatThrownBy(() -> history.duration(id, Double.NaN)).hasMessageContaining("NaN");
    }
}
