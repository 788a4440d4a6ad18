package org.terrain4j.study.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.arbiter.optimize.api.Candidate;
import org.deeplearning4j.arbiter.optimize.api.OptimizationResult;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.terrain4j.study.store.Direction;
import org.terrain4j.study.store.StoredTrial;
import org.terrain4j.study.store.TrialState;

/** The best model on disk is always a committed trial's: staged by the task, promoted after the commit. */
class BestModelSaverTest {

    @TempDir
    Path folder;

    private static MultiLayerNetwork model() {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(1).list()
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(2).nOut(2).build()).build());
        net.init();
        return net;
    }

    /** A saver whose candidate index is the trial number; higher scores are better. */
    private BestModelSaver saver() throws IOException {
        return new BestModelSaver(folder, "s", Direction.MAXIMIZE, index -> index, index -> false, null);
    }

    private static OptimizationResult result(int trial, double score) {
        return new OptimizationResult(new Candidate<>(null, trial, new double[0], null, null), score, trial, null, null, null);
    }

    private static StoredTrial trial(int number, TrialState state, Double score) {
        return new StoredTrial(number, state, new double[0], "", score, null, "w", 0, 0, null, List.of(), false, null,
                org.terrain4j.study.store.Abandonment.NONE);
    }

    @Test
    void aTasksModelIsStagedAndBecomesTheBestOnlyOnceItsTrialIsCommitted() throws IOException {
        BestModelSaver saver = saver();
        saver.saveModel(result(3, 0.8), model());

        assertThat(folder.resolve(BestModelSaver.MODEL)).doesNotExist();
        assertThat(BestModelSummary.read(folder)).isEmpty();
        assertThat(BestModelSaver.staged(folder, 3)).exists();

        saver.promote(3, 0.8);
        assertThat(folder.resolve(BestModelSaver.MODEL)).exists();
        assertThat(BestModelSaver.staged(folder, 3)).doesNotExist();
        assertThat(BestModelSummary.read(folder)).contains(new BestModelSummary("s", 3, 0.8));
    }

    @Test
    void aWorseModelIsNeverStagedAndAFailedOrPrunedTrialsIsDiscarded() throws IOException {
        BestModelSaver saver = saver();
        saver.saveModel(result(1, 0.8), model());
        saver.promote(1, 0.8);
        byte[] best = Files.readAllBytes(folder.resolve(BestModelSaver.MODEL));

        saver.saveModel(result(2, 0.5), model());
        assertThat(BestModelSaver.staged(folder, 2)).doesNotExist();
        saver.saveModel(result(4, 0.9), model());
        saver.discard(4);

        assertThat(BestModelSaver.staged(folder, 4)).doesNotExist();
        assertThat(Files.readAllBytes(folder.resolve(BestModelSaver.MODEL))).isEqualTo(best);
        assertThat(BestModelSummary.read(folder)).contains(new BestModelSummary("s", 1, 0.8));
    }

    @Test
    void onResumeCommittedTrialsArePromotedOthersDiscardedRunningOnesLeftAlone() throws IOException {
        BestModelSaver saver = saver();
        saver.saveModel(result(7, 0.7), model()); // committed complete, then the process was killed
        saver.saveModel(result(8, 0.9), model()); // abandoned: its driver died before the commit
        saver.saveModel(result(9, 0.95), model()); // another live worker's, still running

        saver().settle(List.of(trial(7, TrialState.COMPLETE, 0.7), trial(8, TrialState.FAILED, null),
                trial(9, TrialState.RUNNING, null)));

        assertThat(BestModelSummary.read(folder)).contains(new BestModelSummary("s", 7, 0.7));
        assertThat(BestModelSaver.staged(folder, 7)).doesNotExist();
        assertThat(BestModelSaver.staged(folder, 8)).doesNotExist();
        assertThat(BestModelSaver.staged(folder, 9)).exists();
    }
}
