package org.terrain4j.data;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads unsigned-byte IDX files (the MNIST format: magic {@code 0x0000080N} where N is the
 * number of dimensions, N big-endian sizes, then the bytes). The sizes must match what the
 * caller expects, the data must be complete and nothing may follow it.
 */
final class IdxReader {

    private static final int UNSIGNED_BYTE = 0x08;

    private IdxReader() {
    }

    /**
     * Reads the whole file.
     *
     * @param source the file
     * @param expectedDims the sizes the file must declare, e.g. {60000, 28, 28}
     * @return the data bytes, row-major
     */
    static byte[] read(DataSource source, int... expectedDims) {
        try (DataInputStream in = new DataInputStream(source.open())) {
            int magic = in.readInt();
            if ((magic >>> 8) != UNSIGNED_BYTE) {
                throw new DataLoadException(source.name(), String.format(
                        "not an unsigned-byte IDX file (magic number 0x%08x)", magic));
            }
            int[] dims = new int[magic & 0xff];
            for (int i = 0; i < dims.length; i++) {
                dims[i] = in.readInt();
            }
            if (!Arrays.equals(dims, expectedDims)) {
                throw new DataLoadException(source.name(), "expected dimensions "
                        + Arrays.toString(expectedDims) + ", file declares " + Arrays.toString(dims));
            }
            byte[] data = new byte[Math.toIntExact(Arrays.stream(dims).asLongStream()
                    .reduce(1, (a, b) -> a * b))];
            readFully(source, in, data);
            if (in.read() != -1) {
                throw new DataLoadException(source.name(),
                        "unexpected bytes after the " + data.length + " declared data bytes");
            }
            return data;
        } catch (IOException e) {
            throw source.failure(e);
        }
    }

    private static void readFully(DataSource source, InputStream in, byte[] data) throws IOException {
        int read = 0;
        while (read < data.length) {
            int n = in.read(data, read, data.length - read);
            if (n < 0) {
                throw new DataLoadException(source.name(), "truncated: expected " + data.length
                        + " data bytes, found " + read);
            }
            read += n;
        }
    }
}
