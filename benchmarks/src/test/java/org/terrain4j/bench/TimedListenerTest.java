package org.terrain4j.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.junit.jupiter.api.Test;
import org.terrain4j.demo.DemoNetworks;

/** The timer passes every callback of real DL4J training on and counts the time spent in them, and only that. */
class TimedListenerTest {

    /** Spends a known time in two of its callbacks and counts them. */
    private static final class SlowListener extends BaseTrainingListener {
        static final long SPIN_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
        int iterations;
        int gradients;

        private static void spin() {
            long end = System.nanoTime() + SPIN_NANOS;
            while (System.nanoTime() < end) {
                Thread.onSpinWait();
            }
        }

        @Override
        public void iterationDone(Model model, int iteration, int epoch) {
            iterations++;
            spin();
        }

        @Override
        public void onGradientCalculation(Model model) {
            gradients++;
            spin();
        }
    }

    @Test
    void countsTheTimeInsideTheCallbacksOfRealTrainingAndStartsAgainWhenTaken() {
        MultiLayerNetwork net = DemoNetworks.mlp(784, List.of(16), 10, 0.01, 1);
        SlowListener slow = new SlowListener();
        TimedListener timed = new TimedListener(slow);
        net.addListeners(timed);

        long start = System.nanoTime();
        BenchmarkSupport.train(net, BenchmarkSupport.syntheticBatches(), 5);
        long wall = System.nanoTime() - start;
        long inside = timed.takeNanos();

        assertThat(slow.iterations).isEqualTo(5);
        assertThat(slow.gradients).isEqualTo(5);
        assertThat(inside).isGreaterThanOrEqualTo(10 * SlowListener.SPIN_NANOS).isLessThan(wall);
        assertThat(timed.takeNanos()).isZero();
    }
}
