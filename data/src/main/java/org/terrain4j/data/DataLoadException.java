package org.terrain4j.data;

import java.nio.file.Path;

/**
 * A dataset could not be read. The message names the file (or bundled resource) and what is
 * wrong with it, in one line fit for a command-line error.
 */
public final class DataLoadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param source the file or resource that was being read, as the user would name it
     * @param problem what is wrong, e.g. "truncated: expected 1797 rows, found 1200"
     */
    public DataLoadException(String source, String problem) {
        super(source + ": " + problem);
    }

    /**
     * @param source the file or resource that was being read
     * @param problem what is wrong
     * @param cause the low-level failure, kept for {@code --verbose} stack traces
     */
    public DataLoadException(String source, String problem, Throwable cause) {
        super(source + ": " + problem, cause);
    }

    /** Convenience for file sources. */
    static DataLoadException of(Path file, String problem) {
        return new DataLoadException(file.toString(), problem);
    }
}
