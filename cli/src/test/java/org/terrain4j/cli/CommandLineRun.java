package org.terrain4j.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command line in-process and keeps what it printed. */
final class CommandLineRun {

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    /** Runs {@code terrain args...} and returns the exit code. */
    int run(String... args) {
        return TerrainCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }
}
