package org.terrain4j.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Where a dataset file comes from: a path on disk or a resource bundled in this jar. Opens it,
 * un-gzips names ending in {@code .gz}, and turns I/O failures into {@link DataLoadException}s
 * that name the source.
 */
record DataSource(String name, Opener opener, boolean gzipped) {

    /** Opens the raw bytes; may throw {@link IOException}. */
    @FunctionalInterface
    interface Opener {
        InputStream open() throws IOException;
    }

    /** A file on disk; it need not exist yet (opening reports it). */
    static DataSource file(Path path) {
        return new DataSource(path.toString(), () -> Files.newInputStream(path),
                path.getFileName() != null && path.getFileName().toString().endsWith(".gz"));
    }

    /** A resource next to {@link DataSource} in this jar, e.g. {@code digits.csv.gz}. */
    static DataSource bundled(String resource) {
        return new DataSource("bundled " + resource, () -> {
            InputStream in = DataSource.class.getResourceAsStream(resource);
            if (in == null) {
                throw new NoSuchFileException(resource);
            }
            return in;
        }, resource.endsWith(".gz"));
    }

    /** Opens the source for reading, decompressing if gzipped. */
    InputStream open() {
        InputStream raw = null;
        try {
            raw = new BufferedInputStream(opener.open(), 1 << 16);
            return gzipped ? new GZIPInputStream(raw, 1 << 16) : raw;
        } catch (IOException e) {
            closeQuietly(raw);
            throw failure(e);
        }
    }

    /** Maps an I/O failure while opening or reading this source to a one-line error. */
    DataLoadException failure(IOException e) {
        if (e instanceof NoSuchFileException) {
            return new DataLoadException(name, "file not found", e);
        }
        if (e instanceof AccessDeniedException) {
            return new DataLoadException(name, "permission denied", e);
        }
        if (e instanceof EOFException) {
            return new DataLoadException(name, "truncated: the "
                    + (gzipped ? "gzip stream" : "file") + " ends early", e);
        }
        if (e instanceof ZipException) {
            return new DataLoadException(name, "corrupt gzip data (" + e.getMessage() + ")", e);
        }
        return new DataLoadException(name, "cannot be read (" + e + ")", e);
    }

    /** Same as {@link #failure(IOException)} for exceptions wrapped by readers and streams. */
    DataLoadException failure(UncheckedIOException e) {
        return failure(e.getCause());
    }

    private static void closeQuietly(InputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException ignored) {
                // The open failure is the one worth reporting.
            }
        }
    }
}
