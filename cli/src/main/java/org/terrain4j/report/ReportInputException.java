package org.terrain4j.report;

/** A report's input file is missing, empty, truncated, too large or not what Terrain writes: the message names the file. */
public final class ReportInputException extends RuntimeException {

    /** @param message one line naming the file and what is wrong with it */
    public ReportInputException(String message) {
        super(message);
    }
}
