package org.terrain4j.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code terrain}: the top-level command; the work is done by its subcommands. */
@Command(name = "terrain",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Loss-landscape-aware training control for Deeplearning4j.",
        subcommands = {DemoCommand.class, LrFindCommand.class, ReportCommand.class, SearchCommand.class, StudiesCommand.class,
                CommandLine.HelpCommand.class})
public final class TerrainCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    /** Without a subcommand there is nothing to do: that is a usage error. */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
    }

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /**
     * Runs the command line without exiting, writing to the given streams.
     *
     * @return the exit code: 0 success, 2 usage error, 1 failure
     */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new TerrainCommand())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setOut(out)
                .setErr(err)
                .setParameterExceptionHandler(ErrorReporting::usageError)
                .setExecutionExceptionHandler(ErrorReporting::failure);
        try {
            return commandLine.execute(args);
        } catch (Error e) { // picocli's handler takes Exceptions; an OutOfMemoryError gets one line too
            return ErrorReporting.fatal(e, args, err);
        }
    }
}
