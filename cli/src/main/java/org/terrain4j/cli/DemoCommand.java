package org.terrain4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.terrain4j.data.DatasetSplit;
import org.terrain4j.demo.ComparisonTable;
import org.terrain4j.demo.DemoDataset;
import org.terrain4j.demo.DemoNetworks;
import org.terrain4j.demo.RunResult;
import org.terrain4j.demo.TerrainChangeLog;
import org.terrain4j.demo.TrainingProgress;
import org.terrain4j.demo.TrainingRun;
import org.terrain4j.listeners.RunDirectory;
import org.terrain4j.listeners.TerrainListener;
import org.terrain4j.report.RunRecordReader;
import org.terrain4j.report.RunReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code terrain demo}: trains one network from one seed under each learning-rate control and
 * prints them side by side.
 */
@Command(name = "demo",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Trains the same network from the same seed with a constant learning rate and with "
                    + "Terrain's control, then compares them side by side.",
            "The default (digits) takes about a minute on 2 cores."})
final class DemoCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private VerboseOption verbose;

    @Option(names = "--dataset", paramLabel = "NAME",
            description = "digits, fashion or iris (default: ${DEFAULT-VALUE}).")
    private DemoDataset dataset = DemoDataset.DIGITS;

    @Option(names = "--epochs", paramLabel = "N",
            description = "Epochs per run (default: 40 for digits, 20 for fashion, 100 for iris).")
    private Integer epochs;

    @Option(names = "--seed", paramLabel = "S",
            description = "Seed of weights, split and batch order (default: ${DEFAULT-VALUE}).")
    private long seed = 42;

    @Option(names = "--data", paramLabel = "PATH",
            description = {"Read the dataset from here instead: a digits or iris CSV file, or a "
                    + "Fashion-MNIST folder.",
                "Fashion-MNIST defaults to $TERRAIN_FASHION_MNIST_DIR, else "
                    + "/usr/share/datasets/fashion-mnist (Debian's dataset-fashion-mnist)."})
    private Path data;

    @Option(names = "--lr", paramLabel = "RATE", split = ",",
            description = {"Starting learning rates to compare at, comma-separated (default: the dataset's "
                    + "own rate, then a high one a user could plausibly pick: 0.05,0.3 for digits and iris, "
                    + "0.05 for fashion)."})
    private List<Double> rates;

    @Option(names = "--no-progress", description = "Do not draw progress bars.")
    private boolean noProgress;

    @Option(names = "--report", paramLabel = "DIR",
            description = "Keep each Terrain run's events and statistics in DIR/lr-RATE and draw its HTML report there.")
    private Path reportDir;

    @Override
    public Integer call() {
        int epochCount = epochs == null ? dataset.defaultEpochs() : epochs;
        if (epochCount <= 0) {
            throw new ParameterException(spec.commandLine(),
                    "--epochs must be a positive number, got " + epochCount);
        }
        List<Double> startingRates = rates == null ? dataset.demoRates() : rates;
        for (double rate : startingRates) {
            if (!(rate > 0) || Double.isInfinite(rate)) {
                throw new ParameterException(spec.commandLine(),
                        "--lr must be positive and finite, got " + rate);
            }
        }
        if (reportDir != null && !Files.isDirectory(reportDir)) {
            throw new ParameterException(spec.commandLine(), "--report " + reportDir + " is not a directory");
        }
        DatasetSplit split = data == null ? dataset.load(seed) : dataset.load(data, seed);
        int[] sizes = split.sizes();
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT,
                "%s: %d train / %d validation / %d test samples (%s); MLP %d-%s-%d, SGD momentum %.1f, "
                        + "batch %d, LR %s, %d epochs, seed %d%n",
                split.name(), sizes[0], sizes[1], sizes[2], split.splitDescription(),
                split.numFeatures(), joined(dataset.hiddenLayers(), "-"), split.numClasses(),
                DemoNetworks.MOMENTUM, dataset.batchSize(), joined(startingRates, ","), epochCount, seed);
        TrainingRun run = new TrainingRun(split, dataset.batchSize(), seed);
        for (double rate : startingRates) {
            compareAt(rate, split, run, epochCount, out);
        }
        out.flush();
        return 0;
    }

    /** Trains a constant rate and Terrain from {@code rate} and prints them side by side. */
    private void compareAt(double rate, DatasetSplit split, TrainingRun run, int epochCount, PrintWriter out) {
        List<RunResult> results = new ArrayList<>();
        results.add(run.train("constant LR", network(split, rate), epochCount,
                progress(), TrainingRun.ChangeLog.NONE));
        MultiLayerNetwork controlled = network(split, rate);
        Path runDir = reportDir == null ? null : runDirectory(rate);
        TerrainListener listener = runDir == null ? new TerrainListener()
                : TerrainListener.builder().runDirectory(runDir).build();
        controlled.addListeners(listener);
        TerrainChangeLog changes = new TerrainChangeLog(listener);
        results.add(run.train("Terrain", controlled, epochCount, progress(), changes));
        out.println();
        out.printf(Locale.ROOT, "Starting at LR %s:%n", rate);
        out.print(ComparisonTable.format(results, rate));
        if (!changes.explanations().isEmpty()) {
            out.println();
            out.println("Why Terrain changed the learning rate:");
            changes.explanations().forEach(out::println);
        }
        if (runDir != null) {
            Path page = runDir.resolve("report.html");
            RunReport.write(RunRecordReader.read(runDir), page);
            out.println("Report: " + page);
        }
        out.flush();
    }

    /** A fresh directory for the Terrain run from {@code rate}: its event file is appended to, so old runs are cleared. */
    private Path runDirectory(double rate) {
        Path directory = reportDir.resolve("lr-" + rate);
        try {
            Files.createDirectories(directory);
            Files.deleteIfExists(directory.resolve(RunDirectory.EVENTS));
            Files.deleteIfExists(directory.resolve(RunDirectory.STATISTICS));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + directory + ": " + e.getMessage(), e);
        }
        return directory;
    }

    private MultiLayerNetwork network(DatasetSplit split, double rate) {
        return DemoNetworks.mlp(split.numFeatures(), dataset.hiddenLayers(), split.numClasses(), rate, seed);
    }

    private TrainingProgress progress() {
        return noProgress ? TrainingProgress.NONE
                : new ConsoleProgress(System.err);
    }

    private static String joined(List<? extends Number> values, String separator) {
        return String.join(separator, values.stream().map(String::valueOf).toList());
    }
}
