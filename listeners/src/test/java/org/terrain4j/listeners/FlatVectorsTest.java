package org.terrain4j.listeners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;

class FlatVectorsTest {

    /** The squared norm summed in double precision in Java: a reference that shares nothing with BLAS. */
    private static double squaredNormInJava(INDArray x) {
        double sum = 0;
        for (double v : x.toDoubleVector()) {
            sum += v * v;
        }
        return sum;
    }

    @Test
    void normsOfEveryLayersSliceOfARealNetworksGradientAndParametersMatchAJavaSum() {
        MultiLayerNetwork net = Networks.mlp(new Sgd(0.1));
        DataSet task = Networks.task(32, 1);
        net.setInput(task.getFeatures());
        net.setLabels(task.getLabels());
        net.computeGradientAndScore();
        for (Layer layer : net.getLayers()) {
            // Views at an offset into the flat gradient and parameter vectors, as LayerStatistics reads them.
            for (INDArray view : new INDArray[] {layer.getGradientsViewArray(), layer.params()}) {
                double reference = squaredNormInJava(view);
                assertThat(reference).isPositive();
                assertThat(FlatVectors.squaredNorm(view)).isCloseTo(reference, within(1e-5 * reference));
            }
        }
        INDArray whole = net.getGradientsViewArray();
        assertThat(FlatVectors.norm(whole)).isCloseTo(Math.sqrt(squaredNormInJava(whole)), within(1e-6));
    }

    @Test
    void aFloatVectorWhoseSquaresOverflowStillHasItsFiniteNorm() {
        INDArray big = Nd4j.createFromArray(3e20f, 4e20f);

        assertThat(FlatVectors.norm(big)).isCloseTo(5e20, within(1e15));
    }

    @Test
    void doublesAndStridedColumnsGiveTheSameNormsAsFloats() {
        INDArray doubles = Nd4j.createFromArray(1.0, -2.0, 2.0);
        INDArray matrix = Nd4j.createFromArray(new float[][] {{1, 5}, {-2, 5}, {2, 5}});
        INDArray column = matrix.getColumn(0); // element-wise stride 2: not for BLAS as a flat vector

        assertThat(FlatVectors.norm(doubles)).isEqualTo(3.0);
        assertThat(FlatVectors.norm(column)).isCloseTo(3.0, within(1e-6));
    }

    @Test
    void addsInPlaceIntoContiguousAndStridedBuffers() {
        INDArray sum = Nd4j.createFromArray(1f, 1f, 1f);
        FlatVectors.addTo(sum, 2, Nd4j.createFromArray(1f, 2f, 3f));
        assertThat(sum.toFloatVector()).containsExactly(3f, 5f, 7f);

        INDArray matrix = Nd4j.zeros(DataType.FLOAT, 3, 2);
        FlatVectors.addTo(matrix.getColumn(1), 1, Nd4j.createFromArray(1f, 2f, 3f));
        assertThat(matrix.getColumn(1).toFloatVector()).containsExactly(1f, 2f, 3f);
        assertThat(matrix.getColumn(0).toFloatVector()).containsExactly(0f, 0f, 0f);
    }

    @Test
    void equalityIsExactAndANanIsADifference() {
        INDArray params = Nd4j.createFromArray(0.5f, -1.25f, 3f);

        assertThat(FlatVectors.equalDestroying(params, params.dup())).isTrue();
        INDArray nudged = params.dup();
        nudged.putScalar(1, Math.nextUp(-1.25f));
        assertThat(FlatVectors.equalDestroying(params, nudged)).isFalse();
        INDArray withNan = params.dup();
        withNan.putScalar(2, Float.NaN);
        assertThat(FlatVectors.equalDestroying(params, withNan)).isFalse();
        assertThat(params.toFloatVector()).containsExactly(0.5f, -1.25f, 3f);
    }
}
