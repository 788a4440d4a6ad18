package org.terrain4j.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TrainingBudgetTest {

    @Test
    void theCooldownIsTheBudgetsLastFifthByDefault() {
        assertThat(TrainingBudget.epochs(10).totalIterations(94)).isEqualTo(940);
        assertThat(TrainingBudget.epochs(10).cooldown(940)).containsExactly(752, 940);
        assertThat(TrainingBudget.iterations(1000).totalIterations(94)).isEqualTo(1000);
        assertThat(TrainingBudget.iterations(1000).withCooldown(0.1).cooldown(1000)).containsExactly(900, 1000);
        assertThat(TrainingBudget.iterations(3).withCooldown(0.01).cooldown(3)).containsExactly(2, 3);
    }

    @Test
    void badBudgetsAreRefusedNamingTheValue() {
        assertThatThrownBy(() -> TrainingBudget.epochs(0))
                .hasMessage("a training budget is a positive number of epochs or of iterations, got epochs 0 and iterations 0");
        assertThatThrownBy(() -> new TrainingBudget(3, 100, 0.2))
                .hasMessage("a training budget is a positive number of epochs or of iterations, got epochs 3 and iterations 100");
        assertThatThrownBy(() -> TrainingBudget.epochs(5).withCooldown(0))
                .hasMessage("cooldownFraction must be in (0, 1], got 0.0");
        assertThatThrownBy(() -> TrainingBudget.epochs(5).withCooldown(Double.NaN))
                .hasMessage("cooldownFraction must be in (0, 1], got NaN");
    }
}
