package org.terrain4j.searchdemo;

import org.deeplearning4j.arbiter.DL4JConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.terrain4j.arbiter.ScheduleFamily;
import org.terrain4j.arbiter.TerrainTrial;

/**
 * One finished trial of the demo search, as the table shows it.
 *
 * @param index the trial's number in the study (the candidate index without a study)
 * @param complete whether it completed, maybe pruned (else failed)
 * @param pruned whether a pruner stopped it early
 * @param score validation accuracy, NaN when failed
 * @param learningRate the base learning rate
 * @param width the hidden width
 * @param schedule the schedule family
 * @param batchSize the mini-batch size
 * @param seconds training and scoring time
 * @param failure the reason when failed, else empty
 */
public record TrialRecord(int index, boolean complete, boolean pruned, double score, double learningRate, long width,
        ScheduleFamily schedule, int batchSize, double seconds, String failure) {

    /** This record marked pruned. */
    TrialRecord asPruned() {
        return new TrialRecord(index, complete, true, score, learningRate, width, schedule, batchSize, seconds, failure);
    }

    /** Reads the record from a demo-search candidate. */
    static TrialRecord of(int index, TerrainTrial trial, boolean complete, Double score, double seconds, String failure) {
        MultiLayerConfiguration conf = ((DL4JConfiguration) trial.network()).getMultiLayerConfiguration();
        double rate = ((BaseLayer) conf.getConf(0).getLayer()).getIUpdater().getLearningRate(0, 0);
        long width = ((FeedForwardLayer) conf.getConf(0).getLayer()).getNOut();
        return new TrialRecord(index, complete, false, score == null ? Double.NaN : score, rate, width,
                trial.policy().schedule(), trial.batchSize(), seconds, failure == null ? "" : failure);
    }
}
