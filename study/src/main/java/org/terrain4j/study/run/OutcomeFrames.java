package org.terrain4j.study.run;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * What a worker process writes to its driver, as plain fields rather than Java serialization, so
 * that the driver deserializes nothing a worker sends: heartbeats while a trial trains, and the
 * trial's {@link TrialOutcome}. Every text is bounded ({@link #MAX_TEXT} characters, cut with a
 * note), so a frame is at most a few hundred kilobytes whatever the worker sends.
 *
 * <p>Frames: a type byte, {@link #HEARTBEAT} alone, or {@link #OUTCOME} followed by
 * {@code complete} (boolean), whether there is a score (boolean) and the score (double) if so,
 * then {@code failure}, {@code prunedReason} and {@code where}, each a presence boolean and a
 * modified-UTF-8 string if present.
 */
final class OutcomeFrames {

    /** The frame type of a heartbeat: the worker is alive and training. */
    static final byte HEARTBEAT = 'H';
    /** The frame type of a trial's outcome. */
    static final byte OUTCOME = 'O';
    /** The most characters of a text sent (a failure's stack trace is cut there). */
    static final int MAX_TEXT = 16_000;

    private OutcomeFrames() {
    }

    /** Writes a heartbeat. */
    static void writeHeartbeat(DataOutputStream out) throws IOException {
        out.writeByte(HEARTBEAT);
        out.flush();
    }

    /** Writes a trial's outcome. */
    static void writeOutcome(DataOutputStream out, TrialOutcome outcome) throws IOException {
        out.writeByte(OUTCOME);
        out.writeBoolean(outcome.complete());
        out.writeBoolean(outcome.score() != null);
        if (outcome.score() != null) {
            out.writeDouble(outcome.score());
        }
        writeText(out, outcome.failure());
        writeText(out, outcome.prunedReason());
        writeText(out, outcome.where());
        out.flush();
    }

    /**
     * Reads frames until an outcome, skipping heartbeats.
     *
     * @throws IOException when the connection fails, its read timeout passes without a frame
     *         (the worker neither trains nor answers), or a frame is not one of these
     */
    static TrialOutcome readOutcome(DataInputStream in) throws IOException {
        while (true) {
            byte type = in.readByte();
            if (type == HEARTBEAT) {
                continue;
            }
            if (type != OUTCOME) {
                throw new IOException("the worker sent a frame of unknown type " + (type & 0xff));
            }
            boolean complete = in.readBoolean();
            Double score = in.readBoolean() ? in.readDouble() : null;
            return new TrialOutcome(complete, score, readText(in), readText(in), readText(in));
        }
    }

    private static void writeText(DataOutputStream out, String text) throws IOException {
        out.writeBoolean(text != null);
        if (text != null) {
            // At most 3 bytes a character: within writeUTF's 65535 bytes.
            out.writeUTF(text.length() <= MAX_TEXT ? text
                    : text.substring(0, MAX_TEXT) + " ... (" + (text.length() - MAX_TEXT) + " more characters)");
        }
    }

    private static String readText(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }
}
