package org.terrain4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.terrain4j.data.DatasetSplit;
import org.terrain4j.data.Datasets;
import org.terrain4j.demo.DemoDataset;
import org.terrain4j.searchdemo.DemoSearch;
import org.terrain4j.searchdemo.GeneratorKind;
import org.terrain4j.searchdemo.StudySettings;
import org.terrain4j.searchdemo.TrialTable;
import org.terrain4j.study.store.StoreLocation;
import org.terrain4j.study.store.StoredTrial;
import org.terrain4j.study.store.TrialState;

/**
 * Reads the real Fashion-MNIST files from Debian's dataset-fashion-mnist (installed by
 * scripts/test before the build).
 */
class FashionMnistIT {

    @TempDir
    Path folder;

    @Test
    void loadsTheFixedSplitFromTheDebianPackage() {
        DatasetSplit fashion = Datasets.fashionMnist();

        assertThat(fashion.sizes()).containsExactly(50_000, 10_000, 10_000);
        assertThat(fashion.numFeatures()).isEqualTo(784).isEqualTo(DemoDataset.FASHION.features());
        assertThat(fashion.numClasses()).isEqualTo(DemoDataset.FASHION.classes());
        assertThat(fashion.classNames()).hasSize(10).startsWith("T-shirt/top").endsWith("Ankle boot");
        // The t10k set has exactly 1,000 images of each class.
        assertThat(fashion.test().getLabels().sum(0).toDoubleVector()).containsOnly(1000.0);
        assertThat(fashion.train().getFeatures().minNumber().doubleValue()).isEqualTo(0.0);
        assertThat(fashion.train().getFeatures().maxNumber().doubleValue()).isEqualTo(1.0);
        assertThat(fashion.validation().getLabels().sumNumber().doubleValue()).isEqualTo(10_000.0);
    }

    @Test
    void aSearchTrialTrainsTheFashionNetworkOnAllFiftyThousandImages() {
        StudySettings settings = new StudySettings(StoreLocation.parse("sqlite:" + folder.resolve("studies.db")),
                "fashion", false, "none", 0, null);

        List<StoredTrial> trials = new DemoSearch(DemoDataset.FASHION, GeneratorKind.RANDOM, 1, 3, 1, 1)
                .run(new TrialTable(new PrintWriter(new StringWriter())), settings);

        assertThat(trials).singleElement().satisfies(t -> {
            assertThat(t.state()).isEqualTo(TrialState.COMPLETE);
            // Seed 3's configuration (deterministic on one thread), one epoch: far above chance (0.1).
            assertThat(t.score()).isGreaterThan(0.5);
            assertThat(t.parameters()).containsPattern("\"batchSize\": (64|128|256|512)}");
        });
    }
}
