package org.terrain4j.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RollingWindowTest {

    @Test
    void keepsTheNewestValuesAndTheirMoments() {
        RollingWindow window = new RollingWindow(3);
        for (double x : new double[] {100, 1, 2, 6}) {
            window.add(x);
        }

        assertThat(window.toArray()).containsExactly(1, 2, 6);
        assertThat(window.mean()).isEqualTo(3.0, within(1e-12));
        assertThat(window.variance()).isEqualTo(7.0, within(1e-12));
        assertThat(window.isFull()).isTrue();
    }

    @Test
    void restoreKeepsOrder() {
        RollingWindow window = new RollingWindow(3);
        window.restore(new double[] {4, 5});
        window.add(6);
        window.add(7);

        assertThat(window.toArray()).containsExactly(5, 6, 7);
    }

    @Test
    void fewValuesHaveNoVariance() {
        RollingWindow window = new RollingWindow(4);
        assertThat(window.mean()).isNaN();
        window.add(1);
        assertThat(window.variance()).isNaN();
    }
}
