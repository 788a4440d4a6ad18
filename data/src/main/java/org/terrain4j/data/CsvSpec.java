package org.terrain4j.data;

/**
 * What a labelled CSV file must look like: comma-separated numeric features followed by an
 * integer class label in the last column.
 *
 * @param headerLines lines to skip before the samples
 * @param rows exact number of samples the file holds; fewer or more is an error
 * @param features number of feature columns
 * @param classes number of classes; labels lie in [0, classes)
 * @param featureMin smallest valid feature value
 * @param featureMax largest valid feature value
 * @param scale factor every feature is multiplied by after validation
 */
record CsvSpec(int headerLines, int rows, int features, int classes,
               float featureMin, float featureMax, float scale) {
}
