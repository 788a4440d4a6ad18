package org.terrain4j.study.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The study store on SQLite or PostgreSQL through JDBC. The schema is Flyway's migrations
 * under {@code org/terrain4j/study/migration}, applied when the store opens; a store whose
 * schema is newer than this Terrain's is refused, not touched. One connection, used by one
 * thread at a time; every write is a transaction. SQLite runs in WAL mode and waits up to the
 * busy timeout for a lock held by another process, then fails with a message that says so.
 */
public final class JdbcStudyStore implements StudyStore {

    private static final String MIGRATIONS = "classpath:org/terrain4j/study/migration";
    private static final String HISTORY_TABLE = "terrain_schema_history";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StoreLocation location;
    private final Connection connection;

    private JdbcStudyStore(StoreLocation location, Connection connection) {
        this.location = location;
        this.connection = connection;
    }

    /** Opens the store at {@code location}, creating or upgrading its schema; SQLite waits up to 10 s for locks. */
    public static JdbcStudyStore open(StoreLocation location) {
        return open(location, 10_000);
    }

    /** As {@link #open(StoreLocation)}, with SQLite's busy timeout in milliseconds. */
    public static JdbcStudyStore open(StoreLocation location, int busyTimeoutMillis) {
        if (location.kind() == StoreLocation.Kind.MEMORY) {
            throw new StoreException("the study store " + location + " lives in the memory of the process that made it;"
                    + " another process (a worker) needs sqlite:PATH or postgresql://HOST/DATABASE");
        }
        if (location.kind() == StoreLocation.Kind.SQLITE) {
            Path file = location.sqliteFile();
            if (file.getParent() != null && !Files.isDirectory(file.getParent())) {
                throw new StoreException("cannot create the study store " + location + ": the folder "
                        + file.getParent() + " does not exist");
            }
            SqliteNativeLibrary.prepare(); // before the driver loads its library: none left in /tmp by a killed process
        }
        Connection connection = connect(location, busyTimeoutMillis);
        try {
            migrate(location, busyTimeoutMillis);
            return new JdbcStudyStore(location, connection);
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    private static Connection connect(StoreLocation location, int busyTimeoutMillis) {
        try {
            Connection connection = dataSource(location, busyTimeoutMillis).getConnection();
            if (location.kind() == StoreLocation.Kind.SQLITE) {
                try (Statement s = connection.createStatement()) {
                    s.execute("PRAGMA journal_mode=WAL");
                    s.execute("PRAGMA foreign_keys=ON");
                }
            }
            return connection;
        } catch (SQLException e) {
            throw translate(location, "open", e);
        }
    }

    /** The driver's own data source: SQLite with the busy timeout, PostgreSQL with the credentials. */
    private static DataSource dataSource(StoreLocation location, int busyTimeoutMillis) {
        if (location.kind() == StoreLocation.Kind.SQLITE) {
            SQLiteConfig config = new SQLiteConfig();
            config.setBusyTimeout(busyTimeoutMillis);
            SQLiteDataSource source = new SQLiteDataSource(config);
            source.setUrl(location.jdbcUrl());
            return source;
        }
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setURL(location.jdbcUrl());
        if (location.user() != null) {
            source.setUser(location.user());
        }
        if (location.password() != null) {
            source.setPassword(location.password());
        }
        source.setConnectTimeout(10);
        source.setApplicationName("terrain");
        return source;
    }

    private static void migrate(StoreLocation location, int busyTimeoutMillis) {
        Flyway flyway = Flyway.configure(JdbcStudyStore.class.getClassLoader())
                .dataSource(dataSource(location, busyTimeoutMillis))
                .locations(MIGRATIONS)
                .table(HISTORY_TABLE)
                .baselineOnMigrate(false)
                .load();
        try {
            for (MigrationInfo applied : flyway.info().applied()) {
                if (applied.getState() == MigrationState.FUTURE_SUCCESS || applied.getState() == MigrationState.FUTURE_FAILED) {
                    throw new StoreException("the study store " + location + " has schema version " + applied.getVersion()
                            + ", newer than this Terrain's (" + latestKnown(flyway) + "); use a newer Terrain or another store");
                }
            }
            flyway.migrate();
        } catch (FlywayException e) {
            SQLException sql = sqlCause(e);
            if (sql != null) {
                throw translate(location, "prepare", sql);
            }
            throw new StoreException("cannot prepare the study store " + location + ": " + firstLine(e.getMessage()), e);
        }
    }

    private static String latestKnown(Flyway flyway) {
        MigrationInfo[] all = flyway.info().all();
        String latest = "none";
        for (MigrationInfo info : all) {
            if (info.getState() != MigrationState.FUTURE_SUCCESS && info.getState() != MigrationState.FUTURE_FAILED
                    && info.getVersion() != null) {
                latest = info.getVersion().toString();
            }
        }
        return latest;
    }

    private static SQLException sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                return s;
            }
        }
        return null;
    }

    /** A one-line error naming the store and what the database said. */
    private static StoreException translate(StoreLocation location, String doing, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String message = firstLine(e.getMessage());
        if (location.kind() == StoreLocation.Kind.SQLITE) {
            if (message.contains("SQLITE_BUSY") || message.contains("database is locked")) {
                return new StoreException("the study store " + location + " is locked by another process"
                        + " (waited for the busy timeout); stop the other search or use another file", e);
            }
            if (message.contains("SQLITE_NOTADB") || message.contains("not a database")) {
                return new StoreException("the study store " + location + " is not a SQLite database", e);
            }
        } else if (state.startsWith("08")) {
            return new StoreException("cannot reach the study store " + location + ": " + message, e);
        } else if (state.equals("28P01") || state.equals("28000")) {
            return new StoreException("the study store " + location + " refused the credentials: " + message, e);
        } else if (state.equals("3D000")) {
            return new StoreException("the study store " + location + " does not exist: " + message, e);
        }
        return new StoreException("cannot " + doing + " the study store " + location + ": " + message, e);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no message";
        }
        String line = message.strip().lines().findFirst().orElse("");
        return line.isEmpty() ? "no message" : line;
    }

    @Override
    public synchronized StudyDefinition open(StudyDefinition definition) {
        return inTransaction("open study " + definition.name(), () -> {
            // Several workers may open a new study at once: the first insert wins, all compare.
            try (PreparedStatement s = connection.prepareStatement("INSERT INTO studies"
                    + " (name, space, direction, generator, seed, next_trial, created_at) VALUES (?, ?, ?, ?, ?, 0, ?)"
                    + " ON CONFLICT (name) DO NOTHING")) {
                s.setString(1, definition.name());
                s.setString(2, definition.space());
                s.setString(3, definition.direction().name());
                s.setString(4, definition.generator());
                s.setLong(5, definition.seed());
                s.setLong(6, System.currentTimeMillis());
                s.executeUpdate();
            }
            return definition.continues(findStudy(definition.name()).orElseThrow(), location);
        });
    }

    @Override
    public synchronized Optional<StudyDefinition> find(String study) {
        return inTransaction("read study " + study, () -> findStudy(study));
    }

    private Optional<StudyDefinition> findStudy(String study) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT name, space, direction, generator, seed FROM studies WHERE name = ?")) {
            s.setString(1, study);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(definition(r)) : Optional.empty();
            }
        }
    }

    private static StudyDefinition definition(ResultSet r) throws SQLException {
        return new StudyDefinition(r.getString(1), r.getString(2), Direction.valueOf(r.getString(3)), r.getString(4),
                r.getLong(5));
    }

    @Override
    public synchronized List<StudySummary> studies() {
        List<StudyDefinition> definitions = inTransaction("list studies", () -> {
            List<StudyDefinition> all = new ArrayList<>();
            try (Statement s = connection.createStatement();
                    ResultSet r = s.executeQuery("SELECT name, space, direction, generator, seed FROM studies ORDER BY name")) {
                while (r.next()) {
                    all.add(definition(r));
                }
            }
            return all;
        });
        List<StudySummary> summaries = new ArrayList<>();
        for (StudyDefinition d : definitions) {
            summaries.add(StudySummary.of(d, trials(d.name())));
        }
        return summaries;
    }

    @Override
    public synchronized StoredTrial start(String study, double[] point, String parameters, String worker,
            boolean isolated, Integer retryOf) {
        return inTransaction("start a trial of " + study, () -> {
            int number;
            try (PreparedStatement s = connection.prepareStatement(
                    "UPDATE studies SET next_trial = next_trial + 1 WHERE name = ? RETURNING next_trial - 1")) {
                s.setString(1, study);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        throw new StoreException("study '" + study + "' does not exist in " + location);
                    }
                    number = r.getInt(1);
                }
            }
            long now = System.currentTimeMillis();
            try (PreparedStatement s = connection.prepareStatement("INSERT INTO trials (study, number, state, point,"
                    + " parameters, worker, started_at, heartbeat_at, isolated, retry_of, provenance)"
                    + " VALUES (?, ?, 'RUNNING', ?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.setString(1, study);
                s.setInt(2, number);
                s.setString(3, toJson(point));
                s.setString(4, parameters);
                s.setString(5, worker);
                s.setLong(6, now);
                s.setLong(7, now);
                s.setInt(8, isolated ? 1 : 0);
                if (retryOf == null) {
                    s.setNull(9, java.sql.Types.INTEGER);
                } else {
                    s.setInt(9, retryOf);
                }
                s.setString(10, Provenance.current().toJson());
                s.executeUpdate();
            }
            return new StoredTrial(number, TrialState.RUNNING, point.clone(), parameters, null, null, worker, now, now,
                    null, List.of(), isolated, retryOf, Abandonment.NONE, Provenance.current().toJson());
        });
    }

    @Override
    public synchronized void heartbeat(String study, String worker) {
        inTransaction("heartbeat in " + study, () -> {
            try (PreparedStatement s = connection.prepareStatement(
                    "UPDATE trials SET heartbeat_at = ? WHERE study = ? AND worker = ? AND state = 'RUNNING'")) {
                s.setLong(1, System.currentTimeMillis());
                s.setString(2, study);
                s.setString(3, worker);
                s.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public synchronized void report(String study, int number, int step, double value) {
        IntermediateValues.requireStep(step);
        inTransaction("report a score of trial " + number + " of " + study, () -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM trial_values WHERE study = ? AND number = ? AND step = ?");
                    PreparedStatement insert = connection.prepareStatement(
                            "INSERT INTO trial_values (study, number, step, value) VALUES (?, ?, ?, ?)")) {
                delete.setString(1, study);
                delete.setInt(2, number);
                delete.setInt(3, step);
                delete.executeUpdate();
                insert.setString(1, study);
                insert.setInt(2, number);
                insert.setInt(3, step);
                insert.setDouble(4, value);
                insert.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public synchronized boolean finish(String study, int number, TrialState state, Double score, String reason) {
        return finish(study, number, state.requireFinished(), score, reason, Abandonment.NONE);
    }

    @Override
    public synchronized boolean abandon(String study, int number, boolean retried, String reason) {
        return finish(study, number, TrialState.FAILED, null, reason, Abandonment.of(retried));
    }

    private boolean finish(String study, int number, TrialState state, Double score, String reason,
            Abandonment abandonment) {
        return inTransaction("finish trial " + number + " of " + study, () -> {
            try (PreparedStatement s = connection.prepareStatement("UPDATE trials SET state = ?, score = ?, reason = ?,"
                    + " finished_at = ?, abandoned = ? WHERE study = ? AND number = ? AND state = 'RUNNING'")) {
                s.setString(1, state.name());
                if (score == null || !Double.isFinite(score)) {
                    s.setNull(2, java.sql.Types.DOUBLE);
                } else {
                    s.setDouble(2, score);
                }
                s.setString(3, reason);
                s.setLong(4, System.currentTimeMillis());
                s.setInt(5, abandonment.code());
                s.setString(6, study);
                s.setInt(7, number);
                return s.executeUpdate() == 1;
            }
        });
    }

    @Override
    public synchronized void recordDecisions(String study, int number, List<TrialDecision> decisions) {
        List<TrialDecision> kept = StudyStore.bounded(decisions);
        inTransaction("record the decisions of trial " + number + " of " + study, () -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM trial_decisions WHERE study = ? AND number = ?");
                    PreparedStatement insert = connection.prepareStatement("INSERT INTO trial_decisions (study, number,"
                            + " seq, epoch, iteration, kind, terrain, rate_before, rate_after, reason)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                delete.setString(1, study);
                delete.setInt(2, number);
                delete.executeUpdate();
                for (int seq = 0; seq < kept.size(); seq++) {
                    TrialDecision d = kept.get(seq);
                    insert.setString(1, study);
                    insert.setInt(2, number);
                    insert.setInt(3, seq);
                    insert.setInt(4, d.epoch());
                    insert.setLong(5, d.iteration());
                    insert.setString(6, d.kind());
                    insert.setString(7, d.terrain());
                    setNullable(insert, 8, d.rateBefore());
                    setNullable(insert, 9, d.rateAfter());
                    insert.setString(10, d.reason());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    @Override
    public synchronized Map<Integer, List<TrialDecision>> decisions(String study) {
        return inTransaction("read the decisions of " + study, () -> {
            Map<Integer, List<TrialDecision>> all = new java.util.TreeMap<>();
            try (PreparedStatement s = connection.prepareStatement("SELECT number, epoch, iteration, kind, terrain,"
                    + " rate_before, rate_after, reason FROM trial_decisions WHERE study = ? ORDER BY number, seq")) {
                s.setString(1, study);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        all.computeIfAbsent(r.getInt(1), k -> new ArrayList<>()).add(new TrialDecision(r.getInt(2),
                                r.getLong(3), r.getString(4), r.getString(5), nullableDouble(r, 6), nullableDouble(r, 7),
                                r.getString(8)));
                    }
                }
            }
            all.replaceAll((number, list) -> List.copyOf(list));
            return all;
        });
    }

    private static void setNullable(PreparedStatement s, int column, Double value) throws SQLException {
        if (value == null || !Double.isFinite(value)) {
            s.setNull(column, java.sql.Types.DOUBLE);
        } else {
            s.setDouble(column, value);
        }
    }

    @Override
    public synchronized List<Double> intermediate(String study, int number) {
        return inTransaction("read the scores of trial " + number + " of " + study, () -> {
            List<Double> byStep = new ArrayList<>();
            try (PreparedStatement s = connection.prepareStatement(
                    "SELECT step, value FROM trial_values WHERE study = ? AND number = ? ORDER BY step")) {
                s.setString(1, study);
                s.setInt(2, number);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        IntermediateValues.append(byStep, r.getInt(1), r.getDouble(2));
                    }
                }
            }
            return List.copyOf(byStep);
        });
    }

    @Override
    public synchronized List<StoredTrial> trials(String study) {
        return inTransaction("read the trials of " + study, () -> {
            Map<Integer, List<Double>> values = new HashMap<>();
            try (PreparedStatement s = connection.prepareStatement(
                    "SELECT number, step, value FROM trial_values WHERE study = ? ORDER BY number, step")) {
                s.setString(1, study);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        // By step: an epoch that reported nothing (it scored NaN) is NaN, and the later ones keep their place.
                        IntermediateValues.append(values.computeIfAbsent(r.getInt(1), k -> new ArrayList<>()),
                                r.getInt(2), r.getDouble(3));
                    }
                }
            }
            List<StoredTrial> trials = new ArrayList<>();
            try (PreparedStatement s = connection.prepareStatement("SELECT number, state, point, parameters, score,"
                    + " reason, worker, started_at, heartbeat_at, finished_at, isolated, retry_of, abandoned, provenance"
                    + " FROM trials"
                    + " WHERE study = ?"
                    + " ORDER BY number")) {
                s.setString(1, study);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        int number = r.getInt(1);
                        long finished = r.getLong(10);
                        Long finishedAt = r.wasNull() ? null : finished;
                        trials.add(new StoredTrial(number, TrialState.valueOf(r.getString(2)), fromJson(r.getString(3)),
                                r.getString(4), nullableDouble(r, 5), r.getString(6), r.getString(7), r.getLong(8),
                                r.getLong(9), finishedAt, List.copyOf(values.getOrDefault(number, List.of())),
                                r.getInt(11) != 0, nullableInteger(r, 12), Abandonment.of(r.getInt(13)), r.getString(14)));
                    }
                }
            }
            return trials;
        });
    }

    private static Integer nullableInteger(ResultSet r, int column) throws SQLException {
        int v = r.getInt(column);
        return r.wasNull() ? null : v;
    }

    private static Double nullableDouble(ResultSet r, int column) throws SQLException {
        double v = r.getDouble(column);
        return r.wasNull() ? null : v;
    }

    private static String toJson(double[] point) {
        try {
            return JSON.writeValueAsString(point);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double[] fromJson(String text) {
        try {
            return JSON.readValue(text, double[].class);
        } catch (JsonProcessingException e) {
            throw new StoreException("a trial's point is not a JSON array of numbers: " + firstLine(e.getMessage()), e);
        }
    }

    private interface Work<T> {
        T run() throws SQLException;
    }

    private <T> T inTransaction(String doing, Work<T> work) {
        try {
            connection.setAutoCommit(false);
            try {
                T result = work.run();
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw translate(location, doing + " in", e);
        }
    }

    private void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the connection is gone; the transaction is lost with it
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // nothing was written
        }
    }

    @Override
    public StoreLocation location() {
        return location;
    }

    @Override
    public synchronized void close() {
        closeQuietly(connection);
    }

    @Override
    public String toString() {
        return "JdbcStudyStore(" + location + ")";
    }
}
