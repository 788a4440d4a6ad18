package org.terrain4j.stats;

/**
 * An immutable snapshot of {@link TrainingSignals}.
 *
 * @param loss last mini-batch loss
 * @param smoothedLoss bias-corrected moving average of the loss
 * @param bestSmoothedLoss lowest smoothed loss so far
 * @param lossWindowMean mean loss over the window
 * @param lossWindowVariance sample variance of the loss over the window
 * @param gradientNorm last gradient L2 norm
 * @param smoothedGradientNorm moving average of the gradient norm
 * @param gradientNormWindowMean mean gradient norm over the window
 * @param gradientNormWindowVariance sample variance of the gradient norm over the window
 * @param iterations finite losses accumulated
 */
public record SignalSummary(double loss, double smoothedLoss, double bestSmoothedLoss, double lossWindowMean,
                            double lossWindowVariance, double gradientNorm, double smoothedGradientNorm,
                            double gradientNormWindowMean, double gradientNormWindowVariance,
                            long iterations) {
}
