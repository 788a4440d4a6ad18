package org.terrain4j.data;

import java.util.List;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerStandardize;

/**
 * Fisher's iris (UCI), 150 samples, bundled as {@code iris.csv} (scikit-learn's copy: a
 * header line, then four measurements in cm and the class index per row). DL4J's
 * {@code IrisDataSetIterator} tries to download; this loader never does. Split: stratified
 * 60/20/20 by the seed; features standardized with the training set's mean and deviation.
 */
final class Iris {

    static final String RESOURCE = "iris.csv";
    static final CsvSpec SPEC = new CsvSpec(1, 150, 4, 3, 0f, 100f, 1f);
    private static final List<String> CLASSES = List.of("setosa", "versicolor", "virginica");

    private Iris() {
    }

    static DatasetSplit load(DataSource source, long seed) {
        LabelledSamples samples = LabelledCsvReader.read(source, SPEC);
        int[][] split = StratifiedSplitter.split(samples.labels(), CLASSES.size(),
                SplitFractions.DEFAULT, seed);
        DataSet train = samples.toDataSet(split[0]);
        DataSet validation = samples.toDataSet(split[1]);
        DataSet test = samples.toDataSet(split[2]);
        NormalizerStandardize standardize = new NormalizerStandardize();
        standardize.fit(train);
        standardize.transform(train);
        standardize.transform(validation);
        standardize.transform(test);
        return new DatasetSplit("iris", train, validation, test, SPEC.features(), CLASSES,
                "stratified 60/20/20 of 150 samples, seed " + seed
                        + ", standardized by the training set");
    }
}
