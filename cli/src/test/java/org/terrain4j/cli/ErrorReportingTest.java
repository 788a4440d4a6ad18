package org.terrain4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Errors that escape picocli's exception handler still end as one line and exit code 1. */
class ErrorReportingTest {

    private static String fatal(Error error, String... args) {
        StringWriter text = new StringWriter();
        assertThat(ErrorReporting.fatal(error, args, new PrintWriter(text))).isEqualTo(1);
        return text.toString();
    }

    @Test
    void outOfMemoryIsOneLineThatSaysWhatToDo() {
        assertThat(fatal(new OutOfMemoryError("Java heap space"), "demo")).isEqualTo("terrain: error: OutOfMemoryError: "
                + "Java heap space (give the JVM more memory: TERRAIN_JAVA_OPTS=-Xmx8g ./terrain ..., or train smaller "
                + "batches)" + System.lineSeparator());
    }

    @Test
    void anErrorWithoutAMessageIsNamedOnceAndVerboseAddsTheTrace() {
        assertThat(fatal(new StackOverflowError(), "demo")).isEqualTo("terrain: error: StackOverflowError"
                + System.lineSeparator());
        assertThat(fatal(new StackOverflowError(), "demo", "--verbose")).startsWith("terrain: error: StackOverflowError")
                .contains("at org.terrain4j.cli.ErrorReportingTest");
    }
}
