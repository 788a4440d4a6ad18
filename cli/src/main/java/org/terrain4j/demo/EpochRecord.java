package org.terrain4j.demo;

/**
 * What one epoch of a run achieved.
 *
 * @param epoch 1-based epoch number
 * @param trainLoss mean mini-batch loss over the epoch
 * @param validationLoss loss on the whole validation set after the epoch
 * @param validationAccuracy accuracy on the validation set after the epoch
 * @param learningRate learning rate of the first layer at the end of the epoch
 */
public record EpochRecord(int epoch, double trainLoss, double validationLoss,
                          double validationAccuracy, double learningRate) {
}
