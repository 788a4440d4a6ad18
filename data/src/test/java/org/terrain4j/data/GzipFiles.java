package org.terrain4j.data;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes gzip and IDX files for loader tests. */
final class GzipFiles {

    private GzipFiles() {
    }

    static Path writeGzip(Path file, byte[] content) {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    static Path writeGzip(Path file, String content) {
        return writeGzip(file, content.getBytes(StandardCharsets.UTF_8));
    }

    /** An unsigned-byte IDX header declaring {@code dims}, followed by {@code dataBytes} bytes. */
    static byte[] idx(int[] dims, int dataBytes) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(0x0800 | dims.length);
            for (int dim : dims) {
                out.writeInt(dim);
            }
            out.write(new byte[dataBytes]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The first {@code length} bytes of the file's raw (compressed) content, rewritten. */
    static Path truncate(Path file, int length) {
        try {
            byte[] content = Files.readAllBytes(file);
            Files.write(file, java.util.Arrays.copyOf(content, length));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
