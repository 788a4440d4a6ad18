package org.terrain4j.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.terrain4j.study.testing.BlobsSearch.configuration;
import static org.terrain4j.study.testing.BlobsSearch.random;
import static org.terrain4j.study.testing.BlobsSearch.space;
import static org.terrain4j.study.testing.BlobsSearch.tpe;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.terrain4j.study.prune.SuccessiveHalvingPruner;
import org.terrain4j.study.run.StudyRunner;
import org.terrain4j.study.store.JdbcStudyStore;
import org.terrain4j.study.store.StoreLocation;
import org.terrain4j.study.store.StoredTrial;
import org.terrain4j.study.store.StudyStore;
import org.terrain4j.study.store.TrialState;
import org.terrain4j.study.testing.BlobsDataSource;

/** Study trials as tasks of a real Spark (local[2]): trained on executors, recorded by the driver. */
class SparkTrialExecutorTest {

    private static JavaSparkContext spark;

    @TempDir
    Path folder;

    @BeforeAll
    static void startSpark() {
        spark = new JavaSparkContext(new SparkConf().setMaster("local[2]").setAppName("terrain-test")
                .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1"));
    }

    @AfterAll
    static void stopSpark() {
        if (spark != null) {
            spark.stop();
        }
    }

    @Test
    void trialsTrainAsSparkTasksWithPerEpochScoresPruningAndTheBestModel() {
        try (StudyStore store = JdbcStudyStore.open(StoreLocation.parse("sqlite:" + folder.resolve("studies.db")))) {
            StudyRunner.builder(configuration(tpe(space(4)), 8)).store(store).study("spark")
                    .executor(new SparkTrialExecutor(spark, 2)).pruner(new SuccessiveHalvingPruner(1, 2, 0, 0))
                    .modelFolder(folder.resolve("models")).build().execute();
            List<StoredTrial> trials = store.trials("spark");
            assertThat(trials).hasSize(8).allSatisfy(t -> {
                assertThat(t.state()).isIn(TrialState.COMPLETE, TrialState.PRUNED);
                assertThat(t.intermediate()).as("epochs reported from the executor").isNotEmpty();
                assertThat(t.score()).isEqualTo(t.intermediate().get(t.intermediate().size() - 1));
            });
            assertThat(trials.stream().filter(t -> t.state() == TrialState.COMPLETE)).allSatisfy(
                    t -> assertThat(t.intermediate()).hasSize(4));
            assertThat(trials.stream().filter(t -> t.state() == TrialState.PRUNED))
                    .as("successive halving with factor 2 stops some of 8 trials").isNotEmpty();
            assertThat(folder.resolve("models/best-model.zip")).exists();
        }
    }

    @Test
    void aTrialThatFailsOnAnExecutorIsRecordedWithItsReasonAndTheSearchGoesOn() {
        Properties properties = new Properties();
        properties.setProperty(BlobsDataSource.BROKEN_BATCH_SIZE, "32");
        try (StudyStore store = JdbcStudyStore.open(StoreLocation.parse("sqlite:" + folder.resolve("studies.db")))) {
            StudyRunner.builder(configuration(random(space(1)), 6, properties)).store(store).study("failing")
                    .executor(new SparkTrialExecutor(spark, 2)).build().execute();
            List<StoredTrial> trials = store.trials("failing");
            assertThat(trials).hasSize(6);
            assertThat(trials.stream().filter(t -> t.state() == TrialState.FAILED)).isNotEmpty()
                    .allSatisfy(t -> assertThat(t.reason()).contains("disk read error").contains("executor driver"));
            assertThat(trials.stream().filter(t -> t.state() == TrialState.COMPLETE)).isNotEmpty();
        }
    }
}
