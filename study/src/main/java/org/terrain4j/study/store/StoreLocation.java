package org.terrain4j.study.store;

import java.io.Serializable;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a study store lives: {@code sqlite:PATH} (a file, created when missing) or
 * {@code postgresql://HOST[:PORT]/DATABASE}. PostgreSQL credentials come from the URL
 * ({@code postgresql://USER:PASSWORD@HOST/DB}), else from the environment variables
 * {@code TERRAIN_DB_USER} and {@code TERRAIN_DB_PASSWORD} (then libpq's {@code PGUSER} and
 * {@code PGPASSWORD}); {@code user=} and {@code password=} query parameters count as the URL's
 * own. {@link #toString} never shows the password, nor any query parameter named like a secret.
 *
 * @param kind the database
 * @param jdbcUrl the JDBC URL, without credentials
 * @param user the user, or null
 * @param password the password, or null
 */
public record StoreLocation(Kind kind, String jdbcUrl, String user, String password) implements Serializable {

    /** The databases the store runs on. */
    public enum Kind {
        SQLITE,
        POSTGRESQL,
        /** {@link InMemoryStudyStore}: this process only. */
        MEMORY
    }

    /** The default store: {@code terrain-studies.db} in the working directory. */
    public static final String DEFAULT = "sqlite:terrain-studies.db";

    public StoreLocation {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    }

    /** Parses {@code text} with credentials from the process environment. */
    public static StoreLocation parse(String text) {
        return parse(text, System.getenv());
    }

    /** Parses {@code text}, reading missing credentials from {@code environment}. */
    public static StoreLocation parse(String text, Map<String, String> environment) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("--storage is empty; expected sqlite:PATH or postgresql://HOST[:PORT]/DATABASE");
        }
        if (text.startsWith("sqlite:")) {
            String file = text.substring("sqlite:".length());
            if (file.isBlank()) {
                throw new IllegalArgumentException("--storage " + text + " names no file; expected sqlite:PATH");
            }
            return new StoreLocation(Kind.SQLITE, "jdbc:sqlite:" + Path.of(file).toAbsolutePath().normalize(), null, null);
        }
        if (text.startsWith("postgresql://") || text.startsWith("postgres://")) {
            return postgres(text, environment);
        }
        throw new IllegalArgumentException("--storage '" + redact(text)
                + "' is neither sqlite:PATH nor postgresql://HOST[:PORT]/DATABASE");
    }

    private static StoreLocation postgres(String text, Map<String, String> environment) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--storage '" + redact(text) + "' is not a valid URL: " + e.getReason());
        }
        String database = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        if (uri.getHost() == null || database.isEmpty()) {
            throw new IllegalArgumentException("--storage '" + redact(text)
                    + "' needs a host and a database: postgresql://HOST[:PORT]/DATABASE");
        }
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getUserInfo().split(":", 2);
            user = parts[0];
            password = parts.length > 1 ? parts[1] : null;
        }
        // user= and password= in the query are credentials too: kept out of the URL, which is shown.
        List<String> kept = new ArrayList<>();
        if (uri.getRawQuery() != null) {
            for (String parameter : uri.getRawQuery().split("&")) {
                String key = parameter.split("=", 2)[0];
                String value = parameter.contains("=")
                        ? URLDecoder.decode(parameter.substring(key.length() + 1), StandardCharsets.UTF_8) : "";
                if (key.equalsIgnoreCase("password")) {
                    password = password != null ? password : value;
                } else if (key.equalsIgnoreCase("user")) {
                    user = user != null ? user : value;
                } else if (!parameter.isEmpty()) {
                    kept.add(parameter);
                }
            }
        }
        user = user != null ? user : firstOf(environment, "TERRAIN_DB_USER", "PGUSER");
        password = password != null ? password : firstOf(environment, "TERRAIN_DB_PASSWORD", "PGPASSWORD");
        String query = kept.isEmpty() ? "" : "?" + String.join("&", kept);
        String url = "jdbc:postgresql://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + "/" + database + query;
        return new StoreLocation(Kind.POSTGRESQL, url, user, password);
    }

    /**
     * A warning for a location given on a command line that carries a password (in its user
     * info or its query), which every local user can read in {@code /proc}; empty otherwise.
     */
    public static Optional<String> commandLineWarning(String text) {
        boolean carries = text != null && (text.startsWith("postgresql://") || text.startsWith("postgres://"))
                && !redact(text).equals(text);
        return carries ? Optional.of("warning: the password in --storage can be read by every user of this machine "
                + "(in /proc); set TERRAIN_DB_PASSWORD instead") : Optional.empty();
    }

    /** This location without its password: what is sent to other processes, which take it from their environment. */
    public StoreLocation withoutPassword() {
        return password == null ? this : new StoreLocation(kind, jdbcUrl, user, null);
    }

    /**
     * This location with the password from {@code environment} ({@code TERRAIN_DB_PASSWORD}, else
     * {@code PGPASSWORD}) when it has none: how a worker process or a Spark executor gets the
     * credentials that were not sent to it.
     */
    public StoreLocation withPasswordFrom(Map<String, String> environment) {
        if (password != null || kind != Kind.POSTGRESQL) {
            return this;
        }
        String fromEnvironment = firstOf(environment, "TERRAIN_DB_PASSWORD", "PGPASSWORD");
        return fromEnvironment == null ? this : new StoreLocation(kind, jdbcUrl, user, fromEnvironment);
    }

    private static String firstOf(Map<String, String> environment, String... names) {
        for (String name : names) {
            String value = environment.get(name);
            if (value != null && !value.isEmpty()) {
                return value;
            }
        }
        return null;
    }

    /**
     * {@code text} with any password replaced by stars: in its user info (everything between
     * {@code //} and the last {@code @} after the user's {@code :}, so that a password holding an
     * {@code @} shows no part of itself) and the value of any query parameter whose name speaks
     * of a secret ({@link #SECRET_PARAMETER}).
     */
    static String redact(String text) {
        String redacted = text;
        int start = text.indexOf("//");
        int at = text.lastIndexOf('@');
        if (start >= 0 && at > start) {
            int colon = text.indexOf(':', start + 2);
            if (colon >= 0 && colon < at) {
                redacted = text.substring(0, colon + 1) + "***" + text.substring(at);
            }
        }
        return SECRET_PARAMETER.matcher(redacted).replaceAll("$1***");
    }

    /** A query parameter whose value is a secret: its name holds password, secret, token or key. */
    static final Pattern SECRET_PARAMETER = Pattern.compile(
            "([?&][^=&#]*(?i:pass|secret|token|key)[^=&#]*=)[^&#]*");

    /** The SQLite file (for {@code sqlite:} locations only). */
    public Path sqliteFile() {
        if (kind != Kind.SQLITE) {
            throw new IllegalStateException(this + " is not a SQLite file");
        }
        return Path.of(jdbcUrl.substring("jdbc:sqlite:".length()));
    }

    /** The location of an in-memory store named {@code name} (not a database: worker processes cannot reach it). */
    public static StoreLocation memory(String name) {
        return new StoreLocation(Kind.MEMORY, "memory:" + name, null, null);
    }

    /** Where the store is, for messages: the file, or the database URL with the user; never the password. */
    @Override
    public String toString() {
        if (kind == Kind.SQLITE) {
            return "sqlite:" + sqliteFile();
        }
        if (kind == Kind.MEMORY) {
            return jdbcUrl;
        }
        String address = redact(jdbcUrl.substring("jdbc:".length()));
        return user == null ? address : address.replaceFirst("//", "//" + user + "@");
    }
}
