package org.terrain4j.listeners;

import org.deeplearning4j.nn.api.Model;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The arrays of tail averaging ({@link org.terrain4j.control.AveragingWindow} decides): a sum of
 * sampled parameter vectors, and the last iterate kept aside while the network holds the average
 * between epochs. Both are allocated once, at the first sample, and reused; adding is one pass
 * over the parameters with no allocation.
 */
final class IterateAverage {

    private INDArray sum;
    private INDArray lastIterate;
    private int count;
    private boolean holding;

    /** Forgets the samples so far. */
    void clear() {
        count = 0;
    }

    /** The parameter vectors summed since the last {@link #clear}. */
    int count() {
        return count;
    }

    /** Adds the network's parameters now. */
    void add(Model model) {
        INDArray params = model.params();
        if (count == 0) {
            sum = reuse(sum, params);
        } else {
            sum = conform(sum, params);
            FlatVectors.addTo(sum, 1, params);
        }
        count++;
    }

    /**
     * Puts the average into the network and keeps its last iterate aside, for
     * {@link #resume}; clears the samples.
     */
    void hold(Model model) {
        INDArray params = model.params();
        lastIterate = reuse(lastIterate, params);
        sum.divi(count);
        params.assign(sum);
        holding = true;
        count = 0;
    }

    /**
     * When training resumes: gives the network its last iterate back if it still holds the
     * average this put there. Parameters that changed in between (a loaded checkpoint, the
     * user's own) are left alone. Returns whether it gave the iterate back.
     */
    boolean resume(Model model) {
        if (!holding) {
            return false;
        }
        holding = false;
        INDArray params = model.params();
        if (params.length() != sum.length()) {
            return false;
        }
        sum = conform(sum, params);
        if (!FlatVectors.equalDestroying(params, sum)) { // the sum is cleared on resuming anyway
            return false;
        }
        params.assign(conform(lastIterate, params));
        return true;
    }

    /** Whether the network holds the average now (between an epoch's end and the next start). */
    boolean holding() {
        return holding;
    }

    /** What to save: the sum of the samples, or the average while holding; null when neither exists. */
    byte[] sumBytes() {
        return count > 0 || holding ? ArrayBytes.of(sum) : null;
    }

    /** What to save: the last iterate while holding, else null. */
    byte[] lastIterateBytes() {
        return holding ? ArrayBytes.of(lastIterate) : null;
    }

    /**
     * Continues from a checkpoint's arrays (float64, cast to the network's type at their first use).
     *
     * @param samples vectors in {@code sum}, or 0 while holding
     */
    void restore(int samples, boolean holdingAverage, byte[] savedSum, byte[] savedLastIterate) {
        if ((samples > 0 || holdingAverage) && savedSum == null || holdingAverage && savedLastIterate == null) {
            throw new IllegalArgumentException("the averaging state names " + samples + " samples"
                    + (holdingAverage ? " and a held average" : "") + " but lacks its arrays");
        }
        count = samples;
        holding = holdingAverage;
        sum = ArrayBytes.array(savedSum, null);
        lastIterate = ArrayBytes.array(savedLastIterate, null);
    }

    /** {@code buffer} in {@code like}'s type and shape (a restored float64 vector), else itself. */
    private static INDArray conform(INDArray buffer, INDArray like) {
        if (buffer.dataType() == like.dataType() && java.util.Arrays.equals(buffer.shape(), like.shape())) {
            return buffer;
        }
        if (buffer.length() != like.length()) {
            throw new IllegalStateException("the averaging state holds " + buffer.length()
                    + " parameters and the network " + like.length()
                    + ": the listener state was restored onto a different network");
        }
        return buffer.castTo(like.dataType()).reshape(like.shape());
    }

    /** {@code buffer} with {@code source}'s values, reallocated only when its length or type differs. */
    private static INDArray reuse(INDArray buffer, INDArray source) {
        if (buffer == null || buffer.length() != source.length() || buffer.dataType() != source.dataType()) {
            return source.dup();
        }
        return buffer.assign(source);
    }
}
