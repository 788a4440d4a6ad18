package org.terrain4j.listeners;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.terrain4j.stats.GradientNoiseScale;

/**
 * Feeds {@link GradientNoiseScale} from the gradients DL4J computes anyway: every
 * {@code period} iterations it sums the next {@code batches} mini-batch gradients into one
 * buffer (allocated once, reused), and then adds the measurement. Outside those windows it
 * costs nothing; inside, one in-place addition per iteration.
 */
final class GradientNoiseSampler {

    private final int period;
    private final int batches;
    private final GradientNoiseScale estimate;
    private INDArray sum;
    private int collected;
    private double smallSquaredNormSum;
    private int batchSize;

    GradientNoiseSampler(int period, int batches, double beta) {
        this.period = period;
        this.batches = batches;
        this.estimate = new GradientNoiseScale(beta);
    }

    /**
     * Offers the gradient of the iteration about to be applied.
     *
     * @param iteration the network's iteration count
     * @param gradient the flattened gradient view; read, never kept beyond the buffer sum
     * @param divisor what turns {@code gradient} into the mean gradient (the batch size, or 1)
     * @param squaredNorm the mean gradient's squared L2 norm, already computed
     * @param miniBatchSize samples in this mini-batch
     */
    void offer(long iteration, INDArray gradient, double divisor, double squaredNorm, int miniBatchSize) {
        if (collected == 0 && iteration % period != 0) {
            return;
        }
        if (collected == 0) {
            if (sum == null || sum.length() != gradient.length() || sum.dataType() != gradient.dataType()) {
                sum = gradient.ulike();
            }
            sum.assign(gradient);
            smallSquaredNormSum = 0;
            batchSize = miniBatchSize;
        } else if (miniBatchSize != batchSize) {
            collected = 0; // a partial batch (end of epoch) would bias the estimate: start again later
            return;
        } else {
            FlatVectors.addTo(sum, 1, gradient);
        }
        smallSquaredNormSum += squaredNorm;
        if (++collected == batches) {
            double bigNorm = FlatVectors.norm(sum) / (divisor * batches);
            estimate.add(smallSquaredNormSum / batches, bigNorm * bigNorm, batchSize, batches);
            collected = 0;
        }
    }

    /** The estimate so far. */
    GradientNoiseScale estimate() {
        return estimate;
    }

    /** The mini-batch size of the last measurement, 0 before any. */
    int batchSize() {
        return batchSize;
    }
}
