package org.terrain4j.data;

import java.util.List;
import java.util.stream.IntStream;

/**
 * UCI's letter recognition data (Frey and Slate 1991, CC BY 4.0): 20000 letter images as 16
 * integer features from 0 to 15, 26 classes. Not bundled: Debian ships it in r-cran-mlbench as
 * an R data file, which {@code benchmarks/run} converts to a CSV of a header line, then the 16
 * features and the class index (0 for A) per row. Fixed split: the first 10000 rows train, UCI's
 * last 4000 (its test part) validate, the 6000 between are the test set; features scaled to [0, 1].
 */
final class Letters {

    static final CsvSpec SPEC = new CsvSpec(1, 20000, 16, 26, 0f, 15f, 1f / 15f);
    private static final int TRAIN = 10000;
    private static final int VALIDATION_START = 16000;
    private static final List<String> CLASSES =
            IntStream.range(0, 26).mapToObj(c -> String.valueOf((char) ('A' + c))).toList();

    private Letters() {
    }

    static DatasetSplit load(DataSource source) {
        LabelledSamples samples = LabelledCsvReader.read(source, SPEC);
        return new DatasetSplit("letters", samples.toDataSet(range(0, TRAIN)),
                samples.toDataSet(range(VALIDATION_START, SPEC.rows())), samples.toDataSet(range(TRAIN, VALIDATION_START)),
                SPEC.features(), CLASSES,
                "UCI letter recognition: rows 1-10000 train, 16001-20000 validate (UCI's test part), the rest test");
    }

    private static int[] range(int from, int to) {
        return IntStream.range(from, to).toArray();
    }
}
