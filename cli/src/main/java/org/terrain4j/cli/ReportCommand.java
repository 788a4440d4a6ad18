package org.terrain4j.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.terrain4j.listeners.RunDirectory;
import org.terrain4j.report.RunRecord;
import org.terrain4j.report.RunRecordReader;
import org.terrain4j.report.RunReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code terrain report RUN_DIR|EVENTS_FILE}: one self-contained HTML page of a training run
 * from the files a listener wrote ({@code TerrainListener.builder().runDirectory(dir)}).
 */
@Command(name = "report",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Draws a training run as one HTML page that opens offline: loss, learning rate per layer "
                + "with each Terrain decision and its reason, gradient norm, gradient noise scale, curvature probes, "
                + "events. Reads a directory written by TerrainListener.builder().runDirectory(DIR) ("
                + RunDirectory.EVENTS + " and " + RunDirectory.STATISTICS + "), or an events file with "
                + RunDirectory.STATISTICS + " beside it."})
final class ReportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private VerboseOption verbose;

    @Parameters(index = "0", paramLabel = "RUN_DIR|EVENTS_FILE", description = "The run to draw.")
    private Path run;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "The page to write (default: report.html in the run's directory).")
    private Path output;

    @Override
    public Integer call() {
        Path directory = Files.isDirectory(run) ? run : run.toAbsolutePath().getParent();
        Path target = output != null ? output : directory.resolve("report.html");
        Path targetDirectory = target.toAbsolutePath().getParent();
        if (targetDirectory == null || !Files.isDirectory(targetDirectory)) {
            throw new ParameterException(spec.commandLine(), "--output " + target + ": no directory " + targetDirectory);
        }
        RunRecord record = RunRecordReader.read(run);
        RunReport.write(record, target);
        spec.commandLine().getOut().println("Report: " + target);
        return 0;
    }
}
