package org.terrain4j.data;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Rows of features with an integer class label each, as parsed from a file, before they
 * become ND4J arrays.
 *
 * @param features one row of features per sample, all of the same length
 * @param labels class index of each sample, in [0, numClasses)
 * @param numClasses number of classes
 */
record LabelledSamples(float[][] features, int[] labels, int numClasses) {

    LabelledSamples {
        if (features.length != labels.length) {
            throw new IllegalArgumentException(
                    features.length + " feature rows but " + labels.length + " labels");
        }
    }

    int size() {
        return labels.length;
    }

    /** The samples at the given indices as a float32 DataSet with one-hot labels. */
    DataSet toDataSet(int[] indices) {
        int width = features.length == 0 ? 0 : features[0].length;
        float[][] x = new float[indices.length][];
        float[][] y = new float[indices.length][numClasses];
        for (int i = 0; i < indices.length; i++) {
            x[i] = features[indices[i]];
            y[i][labels[indices[i]]] = 1f;
        }
        INDArray featureArray = indices.length == 0 ? Nd4j.create(0, width) : Nd4j.create(x);
        INDArray labelArray = indices.length == 0 ? Nd4j.create(0, numClasses) : Nd4j.create(y);
        return new DataSet(featureArray, labelArray);
    }

    /** All samples in file order. */
    DataSet toDataSet() {
        int[] all = new int[size()];
        Arrays.setAll(all, i -> i);
        return toDataSet(all);
    }
}
