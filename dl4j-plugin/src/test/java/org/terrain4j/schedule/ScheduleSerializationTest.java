package org.terrain4j.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.ScheduleType;

/**
 * Each schedule survives DL4J's configuration JSON and ModelSerializer, and a restored model
 * trains on with the same learning rates and parameters as the original.
 */
class ScheduleSerializationTest {

    @TempDir
    Path folder;

    static Stream<Arguments> schedules() {
        return Stream.of(
                Schedules.cosine(0.1, 50),
                Schedules.cosineWarmRestarts(ScheduleType.ITERATION, 0.1, 5, 2, 0.001),
                Schedules.oneCycle(0.1, 40),
                Schedules.linear(0.1, 0.01, 30),
                Schedules.polynomial(0.1, 0, 30, 2),
                Schedules.cosine(0.1, 50).withWarmup(5),
                Schedules.constant(0.05).withWarmup(3).then(3, Schedules.cosine(0.05, 30)),
                Schedules.cosine(0.1, 50).scaled().scaledFrom(7, 0.5),
                Schedules.constant(0.1).scaled().scaledFrom(4, 0.5).withCooldown(10, 30)).map(Arguments::of);
    }

    private static MultiLayerNetwork network(ISchedule schedule) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(3)
                .updater(new Nesterovs(schedule, 0.9)).list()
                .layer(new DenseLayer.Builder().nIn(4).nOut(8).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(LossFunction.MSE).nIn(8).nOut(2).activation(Activation.IDENTITY).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    @ParameterizedTest
    @MethodSource("schedules")
    void survivesJsonAndModelFilesAndTrainsOnIdentically(ISchedule schedule) throws Exception {
        MultiLayerNetwork original = network(schedule);
        DataSet data = new DataSet(Nd4j.rand(16, 4), Nd4j.rand(16, 2));
        for (int i = 0; i < 9; i++) {
            original.fit(data);
        }
        String json = original.getLayerWiseConfigurations().toJson();
        assertThat(MultiLayerConfiguration.fromJson(json)).isEqualTo(original.getLayerWiseConfigurations());

        File file = folder.resolve("model.zip").toFile();
        ModelSerializer.writeModel(original, file, true);
        MultiLayerNetwork restored = ModelSerializer.restoreMultiLayerNetwork(file, true);
        for (int i = 0; i < 9; i++) {
            assertThat(restored.getLearningRate(0)).isEqualTo(original.getLearningRate(0));
            original.fit(data);
            restored.fit(data);
        }

        assertThat(restored.params()).isEqualTo(original.params());
        assertThat(original.getLearningRate(0)).isEqualTo(schedule.valueAt(18, 0));
    }
}
