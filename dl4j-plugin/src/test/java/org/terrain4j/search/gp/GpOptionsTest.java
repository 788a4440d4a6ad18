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
}
