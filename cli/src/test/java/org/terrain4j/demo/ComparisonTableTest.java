package org.terrain4j.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonTableTest {

    @Test
    void oneAlignedRowPerRunWithChangesAndReasons() {
        RunResult constant = RunResultTest.run("constant LR", List.of(), 0.1, 0.1, 0.1, 0.1, 0.1);
        RunResult controlled = RunResultTest.run("terrain",
                List.of(new LearningRateChange(4, 0.1, 0.01, "plateau in validation loss")),
                0.1, 0.1, 0.1, 0.01, 0.01);

        String table = ComparisonTable.format(List.of(constant, controlled), 0.1);

        assertThat(table).isEqualTo(String.join("\n",
                "run         | epochs | best val acc (epoch) | test acc | LR changes       | why                        | time",
                "------------+--------+----------------------+----------+------------------+----------------------------+------",
                "constant LR | 5      | 0.9500 (3)           | 0.9400   | none             | -                          | 1.2 s",
                "terrain     | 5      | 0.9500 (3)           | 0.9400   | e4 0.100->0.0100 | plateau in validation loss | 1.2 s",
                ""));
    }
}
