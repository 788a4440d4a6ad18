package org.terrain4j.listeners;

import java.nio.ByteBuffer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Arrays in checkpoints: the raw float64 values as bytes (base64 in JSON, about half the size of
 * decimal text; a cast from float32 and back is exact).
 */
final class ArrayBytes {

    private ArrayBytes() {
    }

    /** The values of {@code array} in 'c' order; null for null. */
    static byte[] of(INDArray array) {
        if (array == null) {
            return null;
        }
        double[] values = array.dup('c').ravel().toDoubleVector();
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Double.BYTES);
        buffer.asDoubleBuffer().put(values);
        return buffer.array();
    }

    /**
     * A float64 array of the values; null for null.
     *
     * @param shape its shape, or null for a vector
     */
    static INDArray array(byte[] bytes, long[] shape) {
        if (bytes == null) {
            return null;
        }
        if (bytes.length % Double.BYTES != 0) {
            throw new IllegalArgumentException("a checkpoint array of " + bytes.length + " bytes is not whole doubles");
        }
        int length = bytes.length / Double.BYTES;
        if (shape != null) {
            long elements = 1;
            for (long extent : shape) {
                if (extent < 0) {
                    throw new IllegalArgumentException("a checkpoint array's shape has a negative extent: "
                            + java.util.Arrays.toString(shape));
                }
                elements = Math.multiplyExact(elements, extent);
            }
            if (elements != length) {
                throw new IllegalArgumentException("a checkpoint array of shape " + java.util.Arrays.toString(shape)
                        + " needs " + elements + " values, got " + length);
            }
        }
        double[] values = new double[length];
        ByteBuffer.wrap(bytes).asDoubleBuffer().get(values);
        INDArray array = Nd4j.createFromArray(values);
        return shape == null ? array : array.reshape('c', shape);
    }
}
