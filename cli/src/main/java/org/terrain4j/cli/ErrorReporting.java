package org.terrain4j.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns exceptions into the command's one-line errors and exit codes. A stack trace is
 * printed only when {@code --verbose} was given.
 */
final class ErrorReporting {

    private ErrorReporting() {
    }

    /** Bad options or arguments: one line naming the problem, a pointer to help, exit 2. */
    static int usageError(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("terrain: " + e.getMessage() + " (see '" + command.getCommandSpec().qualifiedName()
                + " --help')");
        if (isVerbose(args)) {
            e.printStackTrace(err);
        }
        err.flush();
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** The command failed while running: one line with the cause, exit 1. */
    static int failure(Exception e, CommandLine command, ParseResult parseResult) {
        PrintWriter err = command.getErr();
        err.println("terrain: error: " + describe(e));
        if (isVerbose(parseResult.originalArgs().toArray(String[]::new))) {
            e.printStackTrace(err);
        }
        err.flush();
        return command.getCommandSpec().exitCodeOnExecutionException();
    }

    /**
     * An Error escaped the command (out of memory, a stack overflow, a missing class): one line
     * with its type and message, and what to do about the common one, exit 1.
     */
    static int fatal(Error e, String[] args, PrintWriter err) {
        String hint = e instanceof OutOfMemoryError
                ? " (give the JVM more memory: TERRAIN_JAVA_OPTS=-Xmx8g ./terrain ..., or train smaller batches)" : "";
        String message = e.getMessage();
        String what = message == null || message.isBlank() ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + describe(e);
        err.println("terrain: error: " + what + hint);
        if (isVerbose(args)) {
            e.printStackTrace(err);
        }
        err.flush();
        return 1;
    }

    /** The exception's own message where it has one, else its type and the first cause's. */
    static String describe(Throwable e) {
        String message = e.getMessage();
        if (message != null && !message.isBlank()) {
            return message.lines().findFirst().orElse(message);
        }
        Throwable cause = e.getCause();
        return cause == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName()
                + " caused by " + describe(cause);
    }

    private static boolean isVerbose(String[] args) {
        for (String arg : args) {
            if (arg.equals("--")) {
                return false;
            }
            if (arg.equals(VerboseOption.NAME)) {
                return true;
            }
        }
        return false;
    }
}
