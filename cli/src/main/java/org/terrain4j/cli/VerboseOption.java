package org.terrain4j.cli;

import picocli.CommandLine.Option;

/** {@code --verbose}: mixed into every subcommand; errors then carry their stack trace. */
final class VerboseOption {

    static final String NAME = "--verbose";

    @Option(names = NAME, description = "Print stack traces with errors.")
    boolean verbose;
}
