package org.terrain4j.study.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * Where this process loads SQLite's native library from. Left to itself the driver (sqlite-jdbc)
 * extracts its library at every start into {@code java.io.tmpdir}, as
 * {@code sqlite-VERSION-UUID-libsqlitejdbc.so} beside a {@code .lck} file, both deleted when the
 * JVM exits normally. A process that is killed or halts leaves the pair for good (1 MB), because
 * the driver's clean-up spares every library whose lock file is still there; Terrain kills worker
 * processes on purpose (a trial past its time, a worker that stopped answering) and a worker whose
 * driver died halts, so long studies left hundreds of them.
 *
 * <p>Instead the library is kept once per content in the user's cache folder
 * ({@code $XDG_CACHE_HOME}, else {@code ~/.cache}), as
 * {@code terrain/sqlite-native/SHA256-PREFIX/libsqlitejdbc.so}, and the driver is pointed at it
 * ({@code org.sqlite.lib.path} and {@code org.sqlite.lib.name}). Its folders are made readable and
 * writable by the user only, and a folder that another user owns or may write is refused: the
 * library is code this process runs. A copy is written whole under a temporary name and renamed
 * into place, so processes starting together never load a partial one, and a copy whose bytes
 * differ from the driver's own (damaged, or an older write cut short) is replaced before it is
 * loaded. When the cache cannot be used, or the user has set {@code org.sqlite.lib.path}, the
 * driver's own behaviour stands.
 */
final class SqliteNativeLibrary {

    private static final Logger LOG = LoggerFactory.getLogger(SqliteNativeLibrary.class);
    /** The driver's own property for the folder to load the library from. */
    static final String PATH_PROPERTY = "org.sqlite.lib.path";
    /** The driver's own property for the library's file name in that folder. */
    static final String NAME_PROPERTY = "org.sqlite.lib.name";
    /** No native library of any platform comes near this; a larger resource is not read. */
    private static final int MAX_LIBRARY_BYTES = 64 << 20;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_READ_EXECUTE = PosixFilePermissions.fromString("r-x------");

    private static final String PARTIAL = ".partial";
    /** A partial copy this old was abandoned by a process killed while writing it. */
    static final int ABANDONED_MINUTES = 10;

    private static boolean prepared;

    private SqliteNativeLibrary() {
    }

    /**
     * Points the driver at the cached copy of its library, writing the copy first when needed;
     * once per process, before the first SQLite connection. Never fails: a cache that cannot be
     * used leaves the driver to extract its library as it would.
     */
    static synchronized void prepare() {
        if (prepared) {
            return;
        }
        prepared = true;
        if (System.getProperty(PATH_PROPERTY) != null) {
            return; // the user's choice
        }
        Optional<Path> root = cacheRoot();
        if (root.isEmpty()) {
            LOG.debug("no cache folder (neither XDG_CACHE_HOME nor a home folder): SQLite's driver extracts its library"
                    + " to the temporary folder");
            return;
        }
        String name = LibraryLoaderUtil.getNativeLibName();
        String resource = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + name;
        try {
            byte[] library = read(resource);
            if (library == null) {
                return; // no library for this platform in the driver's jar: it looks on java.library.path itself
            }
            Path installed = install(root.get().resolve("terrain").resolve("sqlite-native"), name, library);
            System.setProperty(PATH_PROPERTY, installed.getParent().toString());
            System.setProperty(NAME_PROPERTY, name);
            LOG.debug("SQLite's native library: {}", installed);
        } catch (IOException | RuntimeException e) { // a cache that cannot be used must not stop the store opening
            LOG.warn("SQLite's driver extracts its library to the temporary folder, as the cache cannot hold it: {}",
                    e.getMessage());
        }
    }

    /** {@code $XDG_CACHE_HOME} when it is an absolute path, else {@code ~/.cache}; empty without either. */
    static Optional<Path> cacheRoot() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isEmpty() && Path.of(xdg).isAbsolute()) {
            return Optional.of(Path.of(xdg));
        }
        String home = System.getProperty("user.home");
        if (home == null || home.isEmpty() || !Path.of(home).isAbsolute()) {
            return Optional.empty();
        }
        return Optional.of(Path.of(home, ".cache"));
    }

    /** The driver's library for this platform, or null when its jar has none. */
    private static byte[] read(String resource) throws IOException {
        try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            byte[] bytes = in.readNBytes(MAX_LIBRARY_BYTES + 1);
            if (bytes.length > MAX_LIBRARY_BYTES) {
                throw new IOException("the driver's library " + resource + " is over " + (MAX_LIBRARY_BYTES >> 20) + " MB");
            }
            return bytes;
        }
    }

    /**
     * The copy of {@code library} named {@code name} under {@code folder}/SHA256-PREFIX, written
     * when missing or different, in folders only this user may write.
     *
     * @throws IOException when a folder belongs to another user or others may write it, when a
     *         path in the way is not a folder or a file, or when writing fails
     */
    static Path install(Path folder, String name, byte[] library) throws IOException {
        Path versionFolder = folder.resolve(sha256Prefix(library));
        UserPrincipal me = folder.getFileSystem().getUserPrincipalLookupService()
                .lookupPrincipalByName(System.getProperty("user.name"));
        ownedFolder(folder.getParent(), me);
        ownedFolder(folder, me);
        ownedFolder(versionFolder, me);
        Path target = versionFolder.resolve(name);
        if (Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS) && sameBytes(target, library)) {
            return target;
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(target + " is in the way of SQLite's native library: it is not a file");
        }
        removeAbandonedPartials(versionFolder);
        Path partial = Files.createTempFile(versionFolder, name, PARTIAL);
        try {
            Files.write(partial, library);
            Files.setPosixFilePermissions(partial, OWNER_READ_EXECUTE);
            try {
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException(versionFolder + " cannot rename a file into place at once", e);
            }
        } finally {
            Files.deleteIfExists(partial);
        }
        return target;
    }

    /**
     * Makes {@code folder} (rwx for the user only) when missing; refuses one that is a link, not a
     * folder, not {@code me}'s, or writable by others.
     */
    private static void ownedFolder(Path folder, UserPrincipal me) throws IOException {
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(folder.getParent());
            try {
                Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } catch (java.nio.file.FileAlreadyExistsException madeMeanwhile) {
                // another process made it first: checked below like any other
            }
        }
        PosixFileAttributeView view = Files.getFileAttributeView(folder, PosixFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        if (view == null) {
            throw new IOException(folder + " is on a file system without owners and permissions to check");
        }
        PosixFileAttributes attributes = view.readAttributes();
        if (!attributes.isDirectory()) {
            throw new IOException(folder + " is not a folder");
        }
        if (!attributes.owner().equals(me)) {
            throw new IOException(folder + " belongs to " + attributes.owner().getName() + ", not to " + me.getName());
        }
        Set<PosixFilePermission> permissions = attributes.permissions();
        if (permissions.contains(PosixFilePermission.GROUP_WRITE) || permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
            throw new IOException(folder + " may be written by other users (" + PosixFilePermissions.toString(permissions) + ")");
        }
    }

    /**
     * Deletes partial copies in {@code folder} older than {@value #ABANDONED_MINUTES} minutes: a
     * process killed while writing its copy left them, and none takes that long to write.
     */
    private static void removeAbandonedPartials(Path folder) throws IOException {
        java.nio.file.attribute.FileTime before = java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minus(java.time.Duration.ofMinutes(ABANDONED_MINUTES)));
        try (java.util.stream.Stream<Path> files = Files.list(folder)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (file.getFileName().toString().endsWith(PARTIAL) && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                        && Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).compareTo(before) < 0) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    private static boolean sameBytes(Path file, byte[] library) throws IOException {
        if (Files.size(file) != library.length) {
            return false;
        }
        return Arrays.equals(Files.readAllBytes(file), library);
    }

    /** The first 16 hex digits of the SHA-256 of {@code bytes}: one folder per content. */
    static String sha256Prefix(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
