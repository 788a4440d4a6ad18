package org.terrain4j.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.terrain4j.data.DatasetSplit;
import org.terrain4j.demo.DemoDataset;
import org.terrain4j.demo.DemoNetworks;
import org.terrain4j.lrfinder.LrFinder;
import org.terrain4j.report.LrCurveFiles;
import org.terrain4j.schedule.LrRangeCurve;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code terrain lr-find}: the learning-rate range test on the demo's network for a dataset,
 * with the curve written as CSV and PNG.
 */
@Command(name = "lr-find",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Learning-rate range test: trains a copy of the demo network while the rate grows "
                + "exponentially, and suggests a starting rate (steepest descent, and minimum / 10)."})
final class LrFindCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private VerboseOption verbose;

    @Option(names = "--dataset", paramLabel = "NAME", description = "digits, fashion or iris (default: ${DEFAULT-VALUE}).")
    private DemoDataset dataset = DemoDataset.DIGITS;

    @Option(names = "--data", paramLabel = "PATH", description = "Read the dataset from here (see 'terrain demo --help').")
    private Path data;

    @Option(names = "--start", paramLabel = "LR", description = "First learning rate (default: ${DEFAULT-VALUE}).")
    private double start = LrFinder.DEFAULTS.start();

    @Option(names = "--end", paramLabel = "LR", description = "Last learning rate (default: ${DEFAULT-VALUE}).")
    private double end = LrFinder.DEFAULTS.end();

    @Option(names = "--iterations", paramLabel = "N",
            description = "Mini-batches of the sweep (default: 100, repeating the training set as needed).")
    private Integer iterations;

    @Option(names = "--repeat-data", description = "Go over the training set again when the sweep outlasts it "
            + "(always so when --iterations is not given).")
    private boolean repeatData;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of weights and batch order (default: ${DEFAULT-VALUE}).")
    private long seed = 42;

    @Option(names = "--output-dir", paramLabel = "DIR", description = "Where lr-find-NAME.csv and .png go (default: .).")
    private Path outputDir = Path.of(".");

    @Override
    public Integer call() {
        if (!Files.isDirectory(outputDir)) {
            throw new ParameterException(spec.commandLine(), "--output-dir " + outputDir + " is not a directory");
        }
        DatasetSplit split = data == null ? dataset.load(seed) : dataset.load(data, seed);
        int batches = (split.train().numExamples() + dataset.batchSize() - 1) / dataset.batchSize();
        int sweep = iterations != null ? iterations : LrFinder.DEFAULTS.iterations();
        LrFinder finder;
        try {
            finder = LrFinder.DEFAULTS.withRange(start, end).withIterations(sweep)
                    .withRepeatData(repeatData || iterations == null);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        MultiLayerNetwork network = DemoNetworks.mlp(split.numFeatures(), dataset.hiddenLayers(), split.numClasses(),
                dataset.learningRate(), seed);
        LrRangeCurve curve = finder.find(network, split.trainIterator(dataset.batchSize(), seed));
        Path csv = outputDir.resolve("lr-find-" + split.name() + ".csv");
        Path png = outputDir.resolve("lr-find-" + split.name() + ".png");
        LrCurveFiles.writeCsv(curve, csv);
        LrCurveFiles.writePng(curve, "Learning-rate range test, " + split.name(), png);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%s: swept %.1e to %.1e over %d of %d iterations (%d batches of %d per pass)%s%n",
                split.name(), start, curve.rates()[curve.rates().length - 1], curve.rates().length, sweep, batches,
                dataset.batchSize(), curve.stoppedEarly() ? "; stopped: the loss diverged" : "");
        out.printf(Locale.ROOT, "suggested learning rate: %.3g (steepest descent), %.3g (minimum / 10)%n",
                curve.steepest(), curve.minimumOverTen());
        out.printf("curve: %s%nplot:  %s%n", csv, png);
        out.flush();
        return 0;
    }
}
