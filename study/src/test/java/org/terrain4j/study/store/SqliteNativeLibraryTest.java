package org.terrain4j.study.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQLite's native library kept once in the user's cache: written whole, reused, replaced when
 * damaged, refused in folders others may write; and, in real processes that halt as a killed
 * worker does, none left in the temporary folder.
 */
class SqliteNativeLibraryTest {

    @TempDir
    Path root;

    private final byte[] library = "a native library's bytes".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private Path cache() {
        return root.resolve("terrain").resolve("sqlite-native");
    }

    @Test
    void theCopyIsWrittenOnceInFoldersOnlyTheUserMayOpenAndReused() throws IOException {
        Path installed = SqliteNativeLibrary.install(cache(), "libsqlitejdbc.so", library);

        assertThat(installed).hasBinaryContent(library);
        assertThat(installed.getParent().getFileName().toString()).isEqualTo(SqliteNativeLibrary.sha256Prefix(library));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(installed))).isEqualTo("r-x------");
        for (Path folder : List.of(root.resolve("terrain"), cache(), installed.getParent())) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
        }
        Object inode = Files.readAttributes(installed, java.nio.file.attribute.BasicFileAttributes.class).fileKey();

        Path again = SqliteNativeLibrary.install(cache(), "libsqlitejdbc.so", library);

        assertThat(again).isEqualTo(installed);
        assertThat(Files.readAttributes(again, java.nio.file.attribute.BasicFileAttributes.class).fileKey()).isEqualTo(inode);
        try (Stream<Path> files = Files.list(installed.getParent())) {
            assertThat(files).containsExactly(installed); // no partial copy left beside it
        }
    }

    @Test
    void aDamagedCopyIsReplacedBeforeItIsLoaded() throws IOException {
        Path installed = SqliteNativeLibrary.install(cache(), "libsqlitejdbc.so", library);
        Files.setPosixFilePermissions(installed, PosixFilePermissions.fromString("rw-------"));
        Files.write(installed, new byte[] {1, 2, 3});

        assertThat(SqliteNativeLibrary.install(cache(), "libsqlitejdbc.so", library)).hasBinaryContent(library);
    }

    @Test
    void aPartialCopyAbandonedByAKilledWriterIsRemovedWhenTheNextCopyIsWritten() throws IOException {
        Path folder = SqliteNativeLibrary.install(cache(), "libsqlitejdbc.so", library).getParent();
        Path abandoned = Files.write(folder.resolve("libsqlitejdbc.so123.partial"), new byte[] {1});
        Files.setLastModifiedTime(abandoned, java.nio.file.attribute.FileTime.from(java.time.Instant.now()
                .minus(java.time.Duration.ofMinutes(SqliteNativeLibrary.ABANDONED_MINUTES + 1))));
        Path recent = Files.write(folder.resolve("libsqlitejdbc.so456.partial"), new byte[] {2}); // another writer's, now
        Files.setPosixFilePermissions(folder.resolve("libsqlitejdbc.so"), PosixFilePermissions.fromString("rw-------"));
        Files.write(folder.resolve("libsqlitejdbc.so"), new byte[] {3}); // damaged: the next install writes a copy

        SqliteNativeLibrary.install(cache(), "libsqlitejdbc.so", library);

        assertThat(abandoned).doesNotExist();
        assertThat(recent).exists();
    }

    @Test
    void anotherLibraryGetsAFolderOfItsOwn() throws IOException {
        Path first = SqliteNativeLibrary.install(cache(), "libsqlitejdbc.so", library);
        Path second = SqliteNativeLibrary.install(cache(), "libsqlitejdbc.so", new byte[] {7});

        assertThat(second.getParent()).isNotEqualTo(first.getParent());
        assertThat(first).hasBinaryContent(library);
    }

    @Test
    void aFolderOtherUsersMayWriteIsRefusedAndNothingIsWrittenThere() throws IOException {
        Files.createDirectories(cache());
        Files.setPosixFilePermissions(cache(), PosixFilePermissions.fromString("rwxrwxrwx"));

        assertThatThrownBy(() -> SqliteNativeLibrary.install(cache(), "libsqlitejdbc.so", library))
                .isInstanceOf(IOException.class).hasMessage(cache() + " may be written by other users (rwxrwxrwx)");
        try (Stream<Path> files = Files.list(cache())) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aLinkInPlaceOfAFolderIsRefused() throws IOException {
        Path elsewhere = Files.createDirectory(root.resolve("elsewhere"));
        Files.createDirectories(root.resolve("terrain"));
        Files.createSymbolicLink(cache(), elsewhere);

        assertThatThrownBy(() -> SqliteNativeLibrary.install(cache(), "libsqlitejdbc.so", library))
                .isInstanceOf(IOException.class).hasMessage(cache() + " is not a folder");
    }

    @Test
    void aProcessThatHaltsLeavesNoLibraryInTheTemporaryFolderAndTheCacheHoldsOne() throws Exception {
        Path temporary = Files.createDirectory(root.resolve("tmp"));
        Path cacheHome = root.resolve("cache");

        for (int run = 0; run < 2; run++) {
            assertThat(halt(temporary, cacheHome, run)).isZero();
        }

        assertThat(sqliteFilesIn(temporary)).isEmpty();
        try (Stream<Path> files = Files.walk(cacheHome.resolve("terrain").resolve("sqlite-native"))) {
            assertThat(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
                    .containsExactly(org.sqlite.util.LibraryLoaderUtil.getNativeLibName());
        }
    }

    @Test
    void theDriversOwnExtractionWhichTheCacheReplacesLeavesItsLibraryBehind() throws Exception {
        // The control: with org.sqlite.lib.path set by the user (to an empty folder) the cache
        // stands aside, the driver extracts to the temporary folder, and the halt leaves the copy.
        Path temporary = Files.createDirectory(root.resolve("tmp"));
        Path empty = Files.createDirectory(root.resolve("empty"));

        assertThat(halt(temporary, root.resolve("cache"), 0, "-D" + SqliteNativeLibrary.PATH_PROPERTY + "=" + empty)).isZero();

        assertThat(sqliteFilesIn(temporary)).isNotEmpty();
        assertThat(root.resolve("cache")).doesNotExist();
    }

    /** Runs {@link OpenStoreThenHalt} with its own temporary and cache folders; its exit code. */
    private int halt(Path temporary, Path cacheHome, int run, String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + temporary));
        command.addAll(List.of(options));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), OpenStoreThenHalt.class.getName(),
                root.resolve("studies-" + run + ".db").toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(root.resolve("process-" + run + ".log").toFile());
        builder.environment().put("XDG_CACHE_HOME", cacheHome.toString());
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the process did not halt within 120 s");
        }
        return process.exitValue();
    }

    private static List<String> sqliteFilesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("sqlite-")).toList();
        }
    }
}
