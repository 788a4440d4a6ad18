package org.terrain4j.study.store;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.terrain4j.study.testing.PostgresServer;

/** The store on a real PostgreSQL server started for the test, and an unreachable one. */
class PostgresStudyStoreIT extends StudyStoreContract {

    private static PostgresServer server;
    private static int databases;

    @BeforeAll
    static void startServer() throws Exception {
        server = PostgresServer.start("postgres_template_unused");
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Override
    StoreLocation freshLocation() throws Exception {
        String database = "studies_" + (databases++);
        server.createDatabase(database);
        return StoreLocation.parse(server.url(database));
    }

    @Test
    void anUnreachableServerIsNamedInOneLine() {
        StoreLocation nowhere = StoreLocation.parse("postgresql://terrain:hunter2@127.0.0.1:1/studies");
        assertThatThrownBy(() -> JdbcStudyStore.open(nowhere)).isInstanceOf(StoreException.class)
                .hasMessageStartingWith("cannot reach the study store postgresql://terrain@127.0.0.1:1/studies")
                .hasMessageNotContaining("hunter2")
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
