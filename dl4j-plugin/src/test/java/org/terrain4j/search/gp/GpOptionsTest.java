package org.terrain4j.search.gp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GpOptionsTest {

    @Test
    void theDefaultsChooseBetweenBothKernelsAndAChoiceCanBeNarrowed() {
        assertThat(GpOptions.DEFAULTS.kernels()).containsExactly(Kernel.PRODUCT, Kernel.ADDITIVE);
        GpOptions product = GpOptions.DEFAULTS.withKernels(EnumSet.of(Kernel.PRODUCT));
        assertThat(product.kernels()).containsExactly(Kernel.PRODUCT);
        assertThat(product.withPendingPolicy(PendingPolicy.CONSTANT_LIAR_BEST).kernels()).containsExactly(Kernel.PRODUCT);
    }

    @Test
    void noKernelIsAnErrorNamingTheOption() {
        assertThatThrownBy(() -> GpOptions.DEFAULTS.withKernels(Set.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("kernels must name at least one kernel, got none");
    }

    @Test
    void theKernelSetCannotBeChangedBehindTheOptionsBack() {
        EnumSet<Kernel> mine = EnumSet.of(Kernel.ADDITIVE);
        GpOptions options = GpOptions.DEFAULTS.withKernels(mine);
        mine.add(Kernel.PRODUCT);
        assertThat(options.kernels()).containsExactly(Kernel.ADDITIVE);
        assertThatThrownBy(() -> options.kernels().add(Kernel.PRODUCT)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aCostExponentOutsideItsRangeOrWithTheConfidenceBoundIsAnErrorNamingIt() {
        assertThat(GpOptions.DEFAULTS.costExponent()).as("time is ignored by default").isZero();
        assertThatThrownBy(() -> GpOptions.DEFAULTS.withCostExponent(-0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("costExponent must be from 0 to 10, got -0.5");
        assertThatThrownBy(() -> GpOptions.DEFAULTS.withCostExponent(Double.NaN)).hasMessageContaining("costExponent");
        GpOptions bound = GpOptions.DEFAULTS.withAcquisition(new Acquisition.UpperConfidenceBound(2));
        assertThat(bound.costExponent()).as("a bound in loss units cannot be divided by seconds").isZero();
        assertThatThrownBy(() -> bound.withCostExponent(1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("costExponent 1.0 divides the acquisition by a cost")
                .hasMessageContaining("UpperConfidenceBound");
        assertThat(GpOptions.DEFAULTS.withCostExponent(1).withAcquisition(new Acquisition.ProbabilityOfImprovement(0))
                .costExponent()).as("a logarithmic acquisition keeps its exponent").isEqualTo(1.0);
    }

    @Test
    void aRefitGrowthOutsideOneToTheComparisonsGrowthIsAnErrorNamingIt() {
        assertThat(GpOptions.DEFAULTS.refitGrowth()).as("refitted at every proposal by default").isEqualTo(1.0);
        assertThat(GpOptions.DEFAULTS.withRefitGrowth(1.05).withCostExponent(1).refitGrowth()).isEqualTo(1.05);
        assertThatThrownBy(() -> GpOptions.DEFAULTS.withRefitGrowth(0.99))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("refitGrowth must be from 1 to 1.1, got 0.99");
        assertThatThrownBy(() -> GpOptions.DEFAULTS.withRefitGrowth(1.2)).hasMessageContaining("refitGrowth");
        assertThatThrownBy(() -> GpOptions.DEFAULTS.withRefitGrowth(Double.NaN)).hasMessageContaining("refitGrowth");
    }
}
