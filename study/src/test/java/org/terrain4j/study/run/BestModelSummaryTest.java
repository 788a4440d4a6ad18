package org.terrain4j.study.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.terrain4j.study.store.StoreException;

class BestModelSummaryTest {

    @TempDir
    Path folder;

    @Test
    void aSummaryReadsBackAndAnEmptyFolderHasNone() throws IOException {
        assertThat(BestModelSummary.read(folder)).isEmpty();
        new BestModelSummary("digits-tpe-seed42", 7, 0.9125).write(folder.resolve(BestModelSummary.FILE));

        assertThat(BestModelSummary.read(folder)).contains(new BestModelSummary("digits-tpe-seed42", 7, 0.9125));
        BestModelSummary.checkFolderOf(folder, "digits-tpe-seed42");
    }

    @Test
    void anotherStudysFolderIsRefusedNamingBoth() throws IOException {
        new BestModelSummary("theirs", 3, 0.5).write(folder.resolve(BestModelSummary.FILE));

        assertThatThrownBy(() -> BestModelSummary.checkFolderOf(folder, "mine")).isInstanceOf(StoreException.class)
                .hasMessage("the model folder " + folder + " holds the best model of study 'theirs', not of 'mine': "
                        + "give another model folder, or move its best-model files away");
    }

    @Test
    void whatTerrainDidNotWriteIsRefusedNamingTheFile() throws IOException {
        Path file = folder.resolve(BestModelSummary.FILE);
        for (String content : new String[] {"garbage", "{\"trial\": 1, \"score\": 0.5}",
                "{\"study\": \"s\", \"trial\": \"x\", \"score\": 0.5}", "{\"study\": \"s\", \"trial\": 1.5, \"score\": 0.5}",
                "{\"study\": \"../x\", \"trial\": 1, \"score\": 0.5}", "[]", " ".repeat(100_000)}) {
            Files.writeString(file, content);
            assertThatThrownBy(() -> BestModelSummary.read(folder)).as(content).isInstanceOf(StoreException.class)
                    .hasMessage(file + " is not a best-model summary written by Terrain (study, trial and score): "
                            + "give another model folder, or move it away");
        }
    }
}
