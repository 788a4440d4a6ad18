package org.terrain4j.listeners;

import org.nd4j.linalg.api.blas.Level1;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Whole-vector arithmetic on the network's flattened views (its gradient, its parameters, a
 * layer's slice of either, and the listener's buffers of the same shape) by BLAS level 1, in
 * place and without allocation. The listener runs these on the hot path, where ND4J's own ops cost
 * several times more: on the overhead benchmark's 235k float parameters (one thread) ND4J's
 * {@code norm2Number} took 0.22 ms, BLAS {@code nrm2} 0.033 ms and BLAS {@code dot} 0.017 ms;
 * {@code addi} 0.033 ms and {@code axpy} 0.023 ms.
 *
 * <p>BLAS takes float and double vectors laid out with unit stride (every view DL4J hands a
 * listener); anything else goes through ND4J's ops, with the same results.
 */
final class FlatVectors {

    private FlatVectors() {
    }

    /**
     * The squared L2 norm, by a dot product, which BLAS vectorizes where its {@code nrm2} scales
     * element by element against overflow; when the squares overflow (a norm above about 1e19 in
     * float) it falls back to {@code nrm2}, so a finite vector has a finite norm.
     */
    static double squaredNorm(INDArray x) {
        if (!blas(x)) {
            double norm = x.norm2Number().doubleValue();
            return norm * norm;
        }
        double squared = level1().dot(x.length(), 1.0, x, x);
        if (Double.isInfinite(squared)) {
            double norm = level1().nrm2(x);
            return norm * norm;
        }
        return squared;
    }

    /** The L2 norm (see {@link #squaredNorm}). */
    static double norm(INDArray x) {
        return Math.sqrt(squaredNorm(x));
    }

    /** {@code sum += alpha * x}; the two have the same length. */
    static void addTo(INDArray sum, double alpha, INDArray x) {
        boolean sameLayout = x.isVector() && sum.isVector()
                || x.ordering() == sum.ordering() && java.util.Arrays.equals(x.shape(), sum.shape());
        if (blas(x) && blas(sum) && x.dataType() == sum.dataType() && x.length() == sum.length() && sameLayout) {
            level1().axpy(x.length(), alpha, x, sum);
        } else if (alpha == 1) {
            sum.addi(x);
        } else {
            sum.addi(x.mul(alpha));
        }
    }

    /**
     * Whether {@code x} holds exactly the values of {@code scratch}, found by subtracting
     * {@code x} from {@code scratch}, whose values are lost. A NaN anywhere counts as a difference.
     */
    static boolean equalDestroying(INDArray x, INDArray scratch) {
        addTo(scratch, -1, x);
        return squaredNorm(scratch) == 0;
    }

    /** Float or double elements, contiguous in memory (unit element-wise stride), within BLAS's int lengths. */
    private static boolean blas(INDArray x) {
        DataType type = x.dataType();
        return (type == DataType.FLOAT || type == DataType.DOUBLE) && x.length() > 0
                && x.length() <= Integer.MAX_VALUE && x.elementWiseStride() == 1;
    }

    private static Level1 level1() {
        return Nd4j.getBlasWrapper().level1();
    }
}
