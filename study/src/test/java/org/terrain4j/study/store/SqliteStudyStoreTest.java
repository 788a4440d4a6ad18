package org.terrain4j.study.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store on a real SQLite file, and SQLite's faults: a locked file, a newer schema, not a database. */
class SqliteStudyStoreTest extends StudyStoreContract {

    @TempDir
    Path folder;
    private int stores;

    @Override
    StoreLocation freshLocation() {
        return StoreLocation.parse("sqlite:" + folder.resolve("studies-" + (stores++) + ".db"));
    }

    @Test
    void aFileLockedByAnotherWriterIsNamedNotWaitedOnForever() throws Exception {
        StoreLocation location = freshLocation();
        try (StudyStore store = JdbcStudyStore.open(location)) {
            store.open(study("s"));
        }
        try (Connection other = DriverManager.getConnection(location.jdbcUrl()); Statement s = other.createStatement()) {
            s.execute("BEGIN EXCLUSIVE");
            assertThatThrownBy(() -> {
                try (StudyStore store = JdbcStudyStore.open(location, 200)) {
                    store.start("s", new double[] {0}, "{}", "w");
                }
            }).isInstanceOf(StoreException.class).hasMessageContaining("is locked by another process")
                    .hasMessageContaining(location.toString());
            s.execute("ROLLBACK");
        }
    }

    @Test
    void aSchemaNewerThanThisTerrainIsRefusedAndLeftAlone() throws Exception {
        StoreLocation location = freshLocation();
        try (StudyStore store = JdbcStudyStore.open(location)) {
            store.open(study("s"));
        }
        try (Connection c = DriverManager.getConnection(location.jdbcUrl()); Statement s = c.createStatement()) {
            s.execute("INSERT INTO terrain_schema_history (installed_rank, version, description, type, script, checksum,"
                    + " installed_by, installed_on, execution_time, success) VALUES (99, '99', 'future', 'SQL',"
                    + " 'V99__future.sql', 0, 'test', CURRENT_TIMESTAMP, 1, 1)");
        }
        assertThatThrownBy(() -> JdbcStudyStore.open(location)).isInstanceOf(StoreException.class)
                .hasMessageContaining("schema version 99, newer than this Terrain's (6)");
        try (Connection c = DriverManager.getConnection(location.jdbcUrl()); Statement s = c.createStatement()) {
            assertThat(s.executeQuery("SELECT COUNT(*) FROM studies").getInt(1)).isEqualTo(1);
        }
    }

    /** A fresh store with the schema as an older Terrain left it. */
    private StoreLocation storeAtSchemaVersion(String version) {
        StoreLocation location = freshLocation();
        org.flywaydb.core.Flyway.configure(JdbcStudyStore.class.getClassLoader()).dataSource(location.jdbcUrl(), null, null)
                .locations("classpath:org/terrain4j/study/migration").table("terrain_schema_history").target(version).load()
                .migrate();
        return location;
    }

    @Test
    void aVersionOneStoreIsMigratedKeepingItsTrials() throws Exception {
        StoreLocation location = storeAtSchemaVersion("1");
        try (Connection c = DriverManager.getConnection(location.jdbcUrl()); Statement s = c.createStatement()) {
            s.execute("INSERT INTO studies VALUES ('old', '{}', 'MAXIMIZE', 'tpe', 7, 1, 0)");
            s.execute("INSERT INTO trials (study, number, state, point, parameters, score, reason, worker, started_at,"
                    + " heartbeat_at, finished_at) VALUES ('old', 0, 'COMPLETE', '[0.5]', 'p', 0.9, NULL, 'h:1', 1, 2, 3)");
            s.execute("INSERT INTO trial_values VALUES ('old', 0, 1, 0.9)");
        }
        try (StudyStore store = JdbcStudyStore.open(location)) {
            StoredTrial trial = store.trials("old").get(0);
            assertThat(trial.score()).isEqualTo(0.9);
            assertThat(trial.point()).containsExactly(0.5);
            assertThat(trial.intermediate()).containsExactly(0.9);
            assertThat(trial.isolated()).isFalse();
            assertThat(store.start("old", new double[] {0.25}, "q", "h:2", true).isolated()).isTrue();
            assertThat(store.trials("old").get(1).isolated()).isTrue();
        }
    }

    @Test
    void aVersionTwoStoreGetsItsRetryLineageFromItsAbandonedTrials() throws Exception {
        StoreLocation location = storeAtSchemaVersion("2");
        try (Connection c = DriverManager.getConnection(location.jdbcUrl()); Statement s = c.createStatement()) {
            s.execute("INSERT INTO studies VALUES ('old', '{}', 'MAXIMIZE', 'tpe', 7, 4, 0)");
            String columns = "INSERT INTO trials (study, number, state, point, parameters, score, reason, worker, started_at,"
                    + " heartbeat_at, finished_at) VALUES ";
            s.execute(columns + "('old', 0, 'FAILED', '[0.5]', 'p', NULL, 'abandoned: worker h:1 stopped; trained again',"
                    + " 'h:1', 1, 2, 3)");
            s.execute(columns + "('old', 1, 'COMPLETE', '[0.25]', 'q', 0.8, NULL, 'h:2', 4, 5, 6)");
            s.execute(columns + "('old', 2, 'COMPLETE', '[0.5]', 'p', 0.9, NULL, 'h:2', 4, 5, 6)");
            s.execute(columns + "('old', 3, 'FAILED', '[0.25]', 'q', NULL, 'out of memory', 'h:2', 7, 8, 9)");
        }
        try (StudyStore store = JdbcStudyStore.open(location)) {
            assertThat(store.trials("old")).extracting(StoredTrial::retryOf).containsExactly(null, null, 0, null);
            assertThat(store.trials("old")).extracting(StoredTrial::abandonment).containsExactly(Abandonment.RETRIED,
                    Abandonment.NONE, Abandonment.NONE, Abandonment.NONE);
            assertThat(store.start("old", new double[] {0.5}, "p", "h:3", true, 0).retryOf()).isZero();
        }
    }

    @Test
    void aFileThatIsNotADatabaseIsNamedAndNotOverwritten() throws Exception {
        Path file = folder.resolve("notes.txt");
        Files.writeString(file, "my notes, not a database\n".repeat(100));
        assertThatThrownBy(() -> JdbcStudyStore.open(StoreLocation.parse("sqlite:" + file)))
                .isInstanceOf(StoreException.class).hasMessageContaining("is not a SQLite database")
                .hasMessageContaining("notes.txt");
        assertThat(Files.readString(file)).startsWith("my notes, not a database");
    }

    @Test
    void aMissingFolderIsNamed() {
        assertThatThrownBy(() -> JdbcStudyStore.open(StoreLocation.parse("sqlite:" + folder.resolve("no/such/dir/s.db"))))
                .isInstanceOf(StoreException.class).hasMessageContaining("the folder").hasMessageContaining("does not exist");
    }
}
