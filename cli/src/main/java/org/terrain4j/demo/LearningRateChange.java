package org.terrain4j.demo;

/**
 * A change of the learning rate seen between two epochs.
 *
 * @param epoch the epoch at whose end the new rate was in force
 * @param from rate at the end of the previous epoch
 * @param to rate at the end of this epoch
 * @param reason why it changed, as the controller explained it, or {@code "schedule"}
 */
public record LearningRateChange(int epoch, double from, double to, String reason) {
}
