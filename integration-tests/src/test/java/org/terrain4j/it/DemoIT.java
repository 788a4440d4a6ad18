package org.terrain4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.terrain4j.cli.TerrainCommand;

/** The command's main job, end to end, on the bundled digits. */
class DemoIT {

    @Test
    void digitsDemoTrainsToHighAccuracyAndPrintsTheTable() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exit = TerrainCommand.execute(new String[] {"demo", "--epochs", "12", "--no-progress"},
                new PrintWriter(out, true), new PrintWriter(err, true));

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString())
                .contains("digits: 1078 train / 359 validation / 360 test samples")
                .containsPattern("constant LR \\| 12     \\| 0\\.9[5-9]\\d\\d \\(\\d+\\)\\s+\\| 0\\.9\\d{3}")
                .containsPattern("\nTerrain     \\| 12     \\| 0\\.9[5-9]\\d\\d \\(\\d+\\)\\s+\\| 0\\.9\\d{3}\\s+\\| e\\d+ 0\\.0500->0\\.0150")
                .containsPattern("Why Terrain changed the learning rate:\n  epoch \\d+: stationary at this rate's noise floor: "
                        + "stationarity test over the last \\d+ iterations");
    }
}
