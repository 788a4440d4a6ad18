package org.terrain4j.data;

import java.util.List;

/**
 * UCI handwritten digits, 8x8 (Alpaydin and Kaynak 1998; the 1797-sample copy shipped by
 * scikit-learn, CC BY 4.0), bundled as {@code digits.csv.gz}: 64 pixel counts in [0, 16] and
 * the digit, per row. Pixels are scaled to [0, 1]. Split: stratified 60/20/20 by the seed
 * (see {@link StratifiedSplitter}).
 */
final class Digits {

    static final String RESOURCE = "digits.csv.gz";
    static final CsvSpec SPEC = new CsvSpec(0, 1797, 64, 10, 0f, 16f, 1f / 16f);
    private static final List<String> CLASSES =
            List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    private Digits() {
    }

    static DatasetSplit load(DataSource source, long seed) {
        LabelledSamples samples = LabelledCsvReader.read(source, SPEC);
        int[][] split = StratifiedSplitter.split(samples.labels(), CLASSES.size(),
                SplitFractions.DEFAULT, seed);
        return new DatasetSplit("digits", samples.toDataSet(split[0]), samples.toDataSet(split[1]),
                samples.toDataSet(split[2]), SPEC.features(), CLASSES,
                "stratified 60/20/20 of 1797 samples, seed " + seed);
    }
}
