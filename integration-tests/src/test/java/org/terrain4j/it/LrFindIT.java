package org.terrain4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.terrain4j.data.DatasetSplit;
import org.terrain4j.data.Datasets;
import org.terrain4j.demo.DemoNetworks;
import org.terrain4j.demo.RunResult;
import org.terrain4j.demo.TrainingProgress;
import org.terrain4j.demo.TrainingRun;
import org.terrain4j.lrfinder.LrFinder;
import org.terrain4j.schedule.LrRangeCurve;

/** The range test on the digits network suggests a rate that trains well, and the top of the range does not. */
class LrFindIT {

    private static final List<Integer> HIDDEN = List.of(128, 64);

    private static RunResult train(DatasetSplit digits, double rate) {
        MultiLayerNetwork net = DemoNetworks.mlp(64, HIDDEN, 10, rate, 7);
        return new TrainingRun(digits, 32, 7).train("lr " + rate, net, 8, TrainingProgress.NONE,
                TrainingRun.ChangeLog.NONE);
    }

    @Test
    void suggestedRateTrainsWell() {
        DatasetSplit digits = Datasets.digits(7);
        MultiLayerNetwork net = DemoNetworks.mlp(64, HIDDEN, 10, 0.01, 7);

        LrRangeCurve curve = LrFinder.DEFAULTS.withRepeatData(true).find(net, digits.trainIterator(32, 7));

        double suggested = curve.steepest();
        assertThat(suggested).isBetween(1e-4, 1.0);
        assertThat(curve.minimumOverTen()).isBetween(1e-4, 1.0);
        assertThat(train(digits, suggested).bestEpoch().validationAccuracy()).isGreaterThan(0.93);
        assertThat(train(digits, 5.0).bestEpoch().validationAccuracy()).isLessThan(0.5);
    }
}
