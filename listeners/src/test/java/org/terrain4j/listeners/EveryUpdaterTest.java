package org.terrain4j.listeners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.AMSGrad;
import org.nd4j.linalg.learning.config.AdaGrad;
import org.nd4j.linalg.learning.config.AdaMax;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nadam;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;
import org.terrain4j.control.ThresholdMode;

/**
 * Every DL4J updater with a learning rate gets its rate cut. DL4J 1.0.0-M2.1 has no AdamW, and
 * its AdaBelief fails inside DL4J's own updater set-up (UpdaterBlock.init), listener or not.
 */
class EveryUpdaterTest {

    static Stream<Arguments> updaters() {
        return Stream.of(new Sgd(0.02), new Nesterovs(0.02, 0.9), new Adam(0.02), new Nadam(0.02),
                new AdaMax(0.02), new AMSGrad(0.02), new RmsProp(0.02), new AdaGrad(0.02)).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("updaters")
    void rateIsCutOnAPlateau(IUpdater updater) {
        MultiLayerNetwork net = Networks.mlp(updater);
        net.addListeners(TerrainListener.builder().checks(CheckSchedule.everyIterations(2)).patience(0).factor(0.5)
                .cooldown(0).threshold(0.99, ThresholdMode.RELATIVE).build());
        DataSet data = Networks.task(32, 1);

        for (int i = 0; i < 4; i++) {
            net.fit(data);
        }

        assertThat(net.getLearningRate(0)).isCloseTo(0.01, within(1e-12));
    }
}
