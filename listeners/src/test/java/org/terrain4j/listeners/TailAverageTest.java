package org.terrain4j.listeners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.terrain4j.control.AveragingOptions;
import org.terrain4j.control.AveragingWindow;
import org.terrain4j.control.PlateauOptions;

/** Tail averaging on real training: what the network holds between epochs, and training left as it was. */
class TailAverageTest {

    private static final List<DataSet> BATCHES = Networks.task(640, 5).batchBy(32); // 20 iterations an epoch
    private static final int EPOCHS = 8;

    /** Records the loss of every iteration and the parameters after it, and what the network holds at each epoch's end. */
    private static final class Recorder extends BaseTrainingListener {
        final List<Double> losses = new ArrayList<>();
        final List<INDArray> iterates = new ArrayList<>();
        final List<INDArray> atEpochEnd = new ArrayList<>();
        final List<INDArray> atEpochStart = new ArrayList<>();

        @Override
        public void iterationDone(Model model, int iteration, int epoch) {
            losses.add(model.score());
            iterates.add(model.params().dup());
        }

        @Override
        public void onEpochStart(Model model) {
            atEpochStart.add(model.params().dup());
        }

        @Override
        public void onEpochEnd(Model model) {
            atEpochEnd.add(model.params().dup());
        }
    }

    private static Recorder train(Model net, TerrainListener terrain) {
        Recorder recorder = new Recorder();
        net.addListeners(terrain, recorder); // Terrain first, as the builder's javadoc asks
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            if (net instanceof MultiLayerNetwork mln) {
                mln.fit(new ListDataSetIterator<>(BATCHES, 1));
            } else {
                ((ComputationGraph) net).fit(new ListDataSetIterator<>(BATCHES, 1));
            }
        }
        return recorder;
    }

    @Test
    void aMultiLayerNetworkHoldsTheMeanOfItsLastIteratesBetweenEpochsAndTrainsAsWithout() {
        TerrainListener averaged = TerrainListener.builder().build();
        TerrainListener plain = TerrainListener.builder().noAveraging().build();

        Recorder withAverage = train(Networks.mlp(new Nesterovs(0.3, 0.9)), averaged);
        Recorder without = train(Networks.mlp(new Nesterovs(0.3, 0.9)), plain);

        assertHeldTheTailMeans(averaged, withAverage);
        assertTrainingUnchanged(averaged, plain, withAverage, without);
    }

    @Test
    void aComputationGraphWithAdamDoesTheSame() {
        TerrainListener averaged = TerrainListener.builder().build();
        TerrainListener plain = TerrainListener.builder().noAveraging().build();

        Recorder withAverage = train(Networks.graph(new Adam(0.05)), averaged);
        Recorder without = train(Networks.graph(new Adam(0.05)), plain);

        assertHeldTheTailMeans(averaged, withAverage);
        assertTrainingUnchanged(averaged, plain, withAverage, without);
    }

    /**
     * At each epoch end with a tail-average event, the network holds the mean of N iterates, N the
     * event's count, sampled every fourth iteration back from the epoch's last (the whole epoch of
     * 20 gives 5, or its part since the rate last changed); otherwise its last iterate.
     */
    private static void assertHeldTheTailMeans(TerrainListener terrain, Recorder recorder) {
        List<TerrainEvent> held = terrain.events().stream().filter(e -> e.type() == EventType.TAIL_AVERAGE
                && e.message().startsWith("tail average:")).toList();
        assertThat(held).as("epochs that ended holding an average").isNotEmpty();
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            long end = (epoch + 1L) * 20;
            boolean averaged = held.stream().anyMatch(e -> e.iteration() == end);
            INDArray expected = recorder.iterates.get((int) end - 1);
            if (averaged) {
                Matcher count = Pattern.compile("the mean of (\\d+) iterates").matcher(heldMessage(held, end));
                assertThat(count.find()).isTrue();
                int n = Integer.parseInt(count.group(1));
                assertThat(n).isBetween(2, 5);
                expected = expected.mul(0);
                for (int k = 0; k < n; k++) {
                    expected.addi(recorder.iterates.get((int) (end - 1 - AveragingWindow.MIN_PERIOD * k)));
                }
                expected.divi(n);
            }
            assertThat(recorder.atEpochEnd.get(epoch).equalsWithEps(expected, 1e-6)).as("epoch %d", epoch + 1).isTrue();
        }
        assertThat(held).noneMatch(e -> e.iteration() == 20); // the first epoch's length was unknown
    }

    private static String heldMessage(List<TerrainEvent> held, long iteration) {
        return held.stream().filter(e -> e.iteration() == iteration).findFirst().orElseThrow().message();
    }

    /** The same losses at every iteration, the same decisions, and each epoch starts from the last iterate. */
    private static void assertTrainingUnchanged(TerrainListener averaged, TerrainListener plain, Recorder withAverage,
                                                Recorder without) {
        assertThat(withAverage.losses).isEqualTo(without.losses);
        assertThat(decisions(averaged)).isEqualTo(decisions(plain));
        for (int epoch = 1; epoch < EPOCHS; epoch++) {
            assertThat(withAverage.atEpochStart.get(epoch).equalsWithEps(withAverage.iterates.get(epoch * 20 - 1), 0))
                    .as("epoch %d starts from the last iterate", epoch + 1).isTrue();
        }
    }

    private static List<String> decisions(TerrainListener terrain) {
        return terrain.events().stream().filter(e -> e.type() != EventType.TAIL_AVERAGE)
                .map(e -> e.type() + "@" + e.iteration() + ": " + e.message()).toList();
    }

    @Test
    void parametersSetBetweenEpochsAreLeftAlone() {
        MultiLayerNetwork net = Networks.mlp(new Nesterovs(0.3, 0.9));
        TerrainListener terrain = TerrainListener.builder().build();
        Recorder recorder = new Recorder();
        net.addListeners(terrain, recorder);
        boolean holding = false;
        for (int epoch = 1; epoch <= 30 && !holding; epoch++) {
            net.fit(new ListDataSetIterator<>(BATCHES, 1));
            long end = epoch * 20L;
            holding = terrain.events().stream().anyMatch(e -> e.type() == EventType.TAIL_AVERAGE
                    && e.message().startsWith("tail average:") && e.iteration() == end);
        }
        assertThat(holding).as("an epoch that ended holding the average").isTrue();

        INDArray loaded = recorder.iterates.get(7).dup();
        net.setParams(loaded);
        net.fit(new ListDataSetIterator<>(BATCHES, 1));

        assertThat(recorder.atEpochStart.get(recorder.atEpochStart.size() - 1).equalsWithEps(loaded, 0)).isTrue();
    }

    @Test
    void thePlateauRuleHasNoAveragingUnlessAskedAndOptionsAreChecked() {
        assertThat(TerrainListener.builder().options().averaging()).isEqualTo(AveragingOptions.DEFAULTS);
        assertThat(TerrainListener.builder().plateau(PlateauOptions.PYTORCH_DEFAULTS).options().averaging()).isNull();
        assertThat(TerrainListener.builder().averaging(AveragingOptions.DEFAULTS).plateau(PlateauOptions.PYTORCH_DEFAULTS)
                .options().averaging()).isEqualTo(AveragingOptions.DEFAULTS);
        assertThatThrownBy(() -> TerrainListener.builder().averaging(null))
                .hasMessage("averaging needs options (AveragingOptions.DEFAULTS to start with); noAveraging() turns it off");
    }
}
