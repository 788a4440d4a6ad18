package org.terrain4j.study.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for tests: a fresh cluster in a temporary folder (initdb), started
 * with pg_ctl on a free loopback port, trust authentication (or a password, SCRAM-SHA-256, for
 * {@link #startWithPassword}), stopped and deleted by
 * {@link #close}. Needs Debian's postgresql package (scripts/test installs it); run as root,
 * the server runs as the {@code postgres} user, as PostgreSQL requires.
 */
public final class PostgresServer implements AutoCloseable {

    private final Path bin;
    private final Path folder;
    private final int port;
    private final boolean asPostgresUser;
    private final String password;

    private PostgresServer(Path bin, Path folder, int port, boolean asPostgresUser, String password) {
        this.bin = bin;
        this.folder = folder;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
        this.password = password;
    }

    /** Creates and starts a cluster with a database named {@code database}. */
    public static PostgresServer start(String database) throws IOException, InterruptedException {
        return start(database, null);
    }

    /**
     * Creates and starts a cluster whose user {@code postgres} must give {@code password}
     * (SCRAM-SHA-256 on every connection, the local socket included).
     */
    public static PostgresServer startWithPassword(String database, String password)
            throws IOException, InterruptedException {
        return start(database, password);
    }

    private static PostgresServer start(String database, String password) throws IOException, InterruptedException {
        Path bin = findBin();
        boolean root = "root".equals(System.getProperty("user.name"));
        Path folder = Files.createTempDirectory("terrain-postgres");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        PostgresServer server = new PostgresServer(bin, folder, port, root, password);
        List<String> authentication = new ArrayList<>(List.of("-A", "trust"));
        if (password != null) {
            Path file = folder.resolve("password");
            Files.writeString(file, password + "\n");
            authentication = List.of("-A", "scram-sha-256", "--pwfile=" + file);
        }
        if (root) {
            run(List.of("chown", "-R", "postgres:postgres", folder.toString()));
        }
        List<String> initdb = new ArrayList<>(List.of("-D", folder.resolve("data").toString(), "-U", "postgres",
                "--no-sync"));
        initdb.addAll(authentication);
        server.tool("initdb", initdb.toArray(String[]::new));
        server.tool("pg_ctl", "-D", folder.resolve("data").toString(), "-l", folder.resolve("log").toString(), "-w",
                "-o", "-p " + port + " -k " + folder + " -c listen_addresses=127.0.0.1 -c fsync=off", "start");
        server.tool("createdb", "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", "postgres", database);
        return server;
    }

    private static Path findBin() {
        Path root = Path.of("/usr/lib/postgresql");
        try (Stream<Path> versions = Files.isDirectory(root) ? Files.list(root) : Stream.empty()) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.naturalOrder())
                    .orElseThrow(() -> new IllegalStateException("PostgreSQL's initdb is not under /usr/lib/postgresql;"
                            + " install Debian's postgresql (scripts/test does)"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void tool(String name, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (asPostgresUser) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(name).toString());
        command.addAll(List.of(arguments));
        run(command, password);
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        run(command, null);
    }

    /** Runs a command, with libpq's PGPASSWORD in its environment when there is a password (never on its command line). */
    private static void run(List<String> command, String password) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (password != null) {
            builder.environment().put("PGPASSWORD", password);
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }

    /** Creates another database. */
    public void createDatabase(String database) throws IOException, InterruptedException {
        tool("createdb", "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", "postgres", database);
    }

    /** The store URL of the database, {@code postgresql://postgres@127.0.0.1:PORT/DATABASE}. */
    public String url(String database) {
        return "postgresql://postgres@127.0.0.1:" + port + "/" + database;
    }

    /** The port. */
    public int port() {
        return port;
    }

    /** Stops the server now (immediate shutdown) and deletes its folder. */
    @Override
    public void close() throws IOException, InterruptedException {
        try {
            tool("pg_ctl", "-D", folder.resolve("data").toString(), "-m", "immediate", "-w", "stop");
        } finally {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
