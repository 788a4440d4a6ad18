package org.terrain4j.search.gp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * When the kernel choice refits: at every call by default, and with a refit growth only once the
 * observations (counted as the caller counts them) have grown by it, the kernels still compared
 * every tenth of the observations.
 */
class KernelChoiceTest {

    private static final HyperparameterFit FIT = GpOptions.DEFAULTS.hyperparameterFit();

    /** {@code n} points of a 3-D wiggle, the same first points for every {@code n}. */
    private static double[][] points(int n) {
        SplittableRandom random = new SplittableRandom(3);
        double[][] x = new double[n][];
        for (int a = 0; a < n; a++) {
            x[a] = random.doubles(3).toArray();
        }
        return x;
    }

    private static double[] values(double[][] x) {
        return Arrays.stream(x).mapToDouble(p -> Math.sin(7 * p[0]) + Math.cos(5 * p[1]) + p[2] * p[2]).toArray();
    }

    private static GpHyperparameters fit(KernelChoice choice, int n, int size) {
        double[][] x = points(n);
        return choice.fit(x, values(x), size, new SplittableRandom(n));
    }

    @Test
    void withoutARefitGrowthEveryCallRefits() {
        KernelChoice choice = new KernelChoice(FIT, EnumSet.allOf(Kernel.class));
        GpHyperparameters first = fit(choice, 40, 40);
        assertThat(fit(choice, 41, 41)).isNotSameAs(first);
    }

    @Test
    void withARefitGrowthTheLastFitStandsUntilTheObservationsGrewByIt() {
        KernelChoice choice = new KernelChoice(FIT, EnumSet.allOf(Kernel.class), 1.05);
        GpHyperparameters first = fit(choice, 40, 40);
        assertThat(choice.nextComparison()).isEqualTo(44);
        assertThat(fit(choice, 41, 41)).as("41 < ceil(40 * 1.05) = 42: not refitted").isSameAs(first);
        GpHyperparameters refitted = fit(choice, 42, 42);
        assertThat(refitted).as("42 observations: refitted").isNotSameAs(first);
        assertThat(refitted.kernel()).as("between comparisons only the chosen kernel").isEqualTo(first.kernel());
        assertThat(choice.nextComparison()).isEqualTo(44);
        assertThat(fit(choice, 43, 43)).as("43 < ceil(42 * 1.05) = 45").isSameAs(refitted);
        assertThat(fit(choice, 44, 44)).as("44: the kernels compared again, whatever the refit growth").isNotSameAs(refitted);
        assertThat(choice.nextComparison()).isEqualTo(49);
    }

    @Test
    void refitsAndComparisonsAreCountedInTheCallersSizeNotInTheRowsFitted() {
        // the multi-fidelity GP past its row limit: the rows fitted stay at the limit as the observations grow
        KernelChoice choice = new KernelChoice(FIT, EnumSet.allOf(Kernel.class), 1.05);
        GpHyperparameters first = fit(choice, 40, 101);
        assertThat(choice.nextComparison()).as("ceil(101 * 1.1) observations").isEqualTo(112);
        assertThat(fit(choice, 40, 106)).as("the same 40 rows of 106 observations").isSameAs(first);
        GpHyperparameters refitted = fit(choice, 40, 107);
        assertThat(refitted).as("40 rows of 107 observations: grown by 5%").isNotSameAs(first);
        assertThat(refitted.kernel()).as("not a comparison yet").isEqualTo(first.kernel());
        assertThat(choice.nextComparison()).isEqualTo(112);
        fit(choice, 40, 112);
        assertThat(choice.nextComparison()).as("compared at 112 observations of 40 rows, next at ceil(112 * 1.1)")
                .isEqualTo(124);
    }

    @Test
    void aSizeBelowTheRowsOrAGrowthOutOfRangeIsRefusedByName() {
        KernelChoice choice = new KernelChoice(FIT, EnumSet.allOf(Kernel.class), 1.05);
        assertThatThrownBy(() -> fit(choice, 40, 39)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("size 39 is less than the 40 rows fitted");
        assertThatThrownBy(() -> new KernelChoice(FIT, EnumSet.allOf(Kernel.class), 0.9))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("refitGrowth must be from 1 to 1.1, got 0.9");
        assertThatThrownBy(() -> new KernelChoice(FIT, EnumSet.allOf(Kernel.class), 1.2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("refitGrowth");
    }
}
