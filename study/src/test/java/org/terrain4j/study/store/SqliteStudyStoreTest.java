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
                .hasMessageContaining("schema version 99, newer than this Terrain's (1)");
        try (Connection c = DriverManager.getConnection(location.jdbcUrl()); Statement s = c.createStatement()) {
            assertThat(s.executeQuery("SELECT COUNT(*) FROM studies").getInt(1)).isEqualTo(1);
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
