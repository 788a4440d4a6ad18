package org.terrain4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.terrain4j.study.testing.PostgresServer;

/**
 * The password of a shared PostgreSQL store, as a user gives it ({@code TERRAIN_DB_PASSWORD}),
 * against a real server that demands it: {@code terrain search} with two worker processes, then
 * {@code terrain studies list}, {@code show} and {@code report}, each a process of its own whose
 * every output line is read, the workers' included (they write to the search's standard error),
 * with every logger but ND4J's and DL4J's at DEBUG (the JDBC driver, Flyway, the store, the
 * runner and the workers). No line holds the password; nor does any line when a user puts it in
 * the URL after all.
 */
class StoragePasswordIT {

    @Test
    void noOutputOfTheSearchItsWorkersOrTheStudyCommandsHoldsThePassword(@TempDir Path folder) throws Exception {
        String password = "pw-" + UUID.randomUUID();
        try (PostgresServer server = PostgresServer.startWithPassword("studies", password)) {
            String url = server.url("studies");
            Path logging = folder.resolve("debug-logback.xml");
            Files.writeString(logging, DEBUG_LOGGING);
            // Every JVM, the workers included, takes the options from the environment and says so on its standard error.
            String options = "-Dlogback.configurationFile=" + logging;
            Map<String, String> environment = Map.of("TERRAIN_DB_PASSWORD", password, "JAVA_TOOL_OPTIONS", options);

            String search = run(folder.resolve("search.log"), environment, "search", "--generator", "tpe", "--trials", "4",
                    "--epochs", "1", "--seed", "3", "--parallel", "2", "--storage", url, "--study", "secret",
                    "--models", folder.resolve("models").toString());
            assertThat(search.split("Picked up JAVA_TOOL_OPTIONS", -1)).as("the driver's and two workers' output: %s", search)
                    .hasSizeGreaterThan(3);
            assertThat(search).contains("DEBUG o.f.c.FlywayExecutor"); // opening the store, at DEBUG
            String list = run(folder.resolve("list.log"), environment, "studies", "list", "--storage", url);
            assertThat(list).contains("secret");
            String show = run(folder.resolve("show.log"), environment, "studies", "show", "secret", "--storage", url);
            assertThat(show).contains(" complete ");
            Path page = folder.resolve("secret.html");
            run(folder.resolve("report.log"), environment, "studies", "report", "secret", "--storage", url, "--output",
                    page.toString());
            // The password in the URL: warned about (it is on the command line), never printed.
            String inUrl = run(folder.resolve("url.log"), Map.of("JAVA_TOOL_OPTIONS", options), "studies", "show", "secret", "--storage",
                    url.replace("postgres@", "postgres:" + password + "@"));
            assertThat(inUrl).contains(" complete ").contains("TERRAIN_DB_PASSWORD instead");

            for (String output : new String[] {search, list, show, Files.readString(folder.resolve("report.log")),
                    Files.readString(page), inUrl}) {
                assertThat(output).doesNotContain(password);
            }
        }
    }

    private static final String DEBUG_LOGGING = """
            <configuration>
              <appender name="STDERR" class="ch.qos.logback.core.ConsoleAppender">
                <target>System.err</target>
                <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{20} - %msg%n</pattern></encoder>
              </appender>
              <logger name="org.nd4j" level="INFO"/>
              <logger name="org.deeplearning4j" level="INFO"/>
              <root level="DEBUG"><appender-ref ref="STDERR"/></root>
            </configuration>
            """;

    /** Runs {@code terrain ARGS} to its end (5 minutes at most) and returns its output; it must exit 0. */
    private static String run(Path log, Map<String, String> environment, String... args) throws Exception {
        Process process = SearchProcess.terrain(log, environment, args);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("terrain %s ended", String.join(" ", args)).isTrue();
        String output = Files.readString(log);
        assertThat(process.exitValue()).as("terrain %s: %s", String.join(" ", args), output).isZero();
        return output;
    }
}
