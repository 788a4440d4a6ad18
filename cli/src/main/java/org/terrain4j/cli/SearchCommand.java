package org.terrain4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.terrain4j.demo.DemoDataset;
import org.terrain4j.searchdemo.DemoSearch;
import org.terrain4j.searchdemo.GeneratorKind;
import org.terrain4j.searchdemo.StudySettings;
import org.terrain4j.searchdemo.TrialTable;
import org.terrain4j.study.prune.Pruners;
import org.terrain4j.study.run.BestModelSummary;
import org.terrain4j.study.run.LocalTrialExecutor;
import org.terrain4j.study.run.ProcessTrialExecutor;
import org.terrain4j.report.StudyReport;
import org.terrain4j.search.gp.GpOptions;
import org.terrain4j.study.store.JdbcStudyStore;
import org.terrain4j.study.store.StoreException;
import org.terrain4j.study.store.StoreLocation;
import org.terrain4j.study.store.StoredTrial;
import org.terrain4j.study.store.StudyStore;
import org.terrain4j.study.store.TrialState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code terrain search}: an Arbiter search on a demo network (digits by default), trained with Terrain. */
@Command(name = "search",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Hyperparameter search on a demo network (digits by default; --dataset) over the learning rate, "
                + "Terrain's schedule family, batch size and hidden width, with Arbiter's random search or Terrain's Bayesian or TPE generator; "
                + "prints each trial as it finishes and the best configuration at the end. Every trial is recorded in a "
                + "study store (SQLite by default); --resume continues a study, --pruner stops poor trials early."})
final class SearchCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private VerboseOption verbose;

    @Option(names = "--dataset", paramLabel = "NAME",
            description = "digits (bundled, about a second per trial), fashion (Fashion-MNIST from Debian's "
                    + "dataset-fashion-mnist or $TERRAIN_FASHION_MNIST_DIR, seconds per epoch) or iris "
                    + "(default: ${DEFAULT-VALUE}).")
    private DemoDataset dataset = DemoDataset.DIGITS;

    @Option(names = "--generator", paramLabel = "KIND",
            description = "random, bayesian, tpe, bohb (the TPE fitted on every epoch of every trial, as BOHB fits "
                    + "its model per budget) or mfgp (a Gaussian process over configuration and epoch, fitted on every "
                    + "epoch of every trial); bohb and mfgp are for --pruner asha or hyperband (default: ${DEFAULT-VALUE}).",
            converter = GeneratorConverter.class)
    private GeneratorKind generator = GeneratorKind.BAYESIAN;

    @Option(names = "--cost-exponent", paramLabel = "X", description = "How much a configuration's training time "
            + "counts for --generator bayesian or mfgp, learnt from the trials' durations: expected improvement is divided "
            + "by the predicted seconds of a trial to this power, 1 for improvement per second, up to 10 (default: 0, time ignored).")
    private Double costExponent;

    @Option(names = "--refit-growth", paramLabel = "G", description = "For --generator bayesian or mfgp: refit the "
            + "model's hyperparameters only once its observations have grown by this factor, from 1 to 1.1; cheaper "
            + "proposals for many short trials, at a cost in regret on some objectives (default: 1, at every proposal).")
    private Double refitGrowth;

    @Option(names = "--trials", paramLabel = "N", description = "Trials to run (default: ${DEFAULT-VALUE}).")
    private int trials = 20;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the generator, split and weights (default: ${DEFAULT-VALUE}).")
    private long seed = 42;

    @Option(names = "--epochs", paramLabel = "N", description = "Training epochs per trial (default: ${DEFAULT-VALUE}).")
    private int epochs = 8;

    @Option(names = "--parallel", paramLabel = "N", description = "Trials trained at once (default: ${DEFAULT-VALUE}).")
    private int parallel = 1;

    @Option(names = "--storage", paramLabel = "STORE", description = "Where the study is kept: sqlite:PATH or "
            + "postgresql://HOST[:PORT]/DATABASE (credentials from TERRAIN_DB_USER/TERRAIN_DB_PASSWORD or PGUSER/PGPASSWORD; "
            + "default: ${DEFAULT-VALUE}).")
    private String storage = StoreLocation.DEFAULT;

    @Option(names = "--study", paramLabel = "NAME", description = "The study's name (default: DATASET-GENERATOR-seedS).")
    private String study;

    @Option(names = "--resume", description = "Continue the study if it exists: its finished trials count towards --trials "
            + "and are never trained again; trials a killed run left are trained again.")
    private boolean resume;

    @Option(names = "--pruner", paramLabel = "NAME", description = "Stop poor trials early: " + Pruners.NAMES
            + " (default: ${DEFAULT-VALUE}).")
    private String pruner = "none";

    @Option(names = "--prune-patience", paramLabel = "N", description = "Ask the pruner only after N epochs without "
            + "improvement (default: ${DEFAULT-VALUE}: every epoch).")
    private int prunePatience;

    @Option(names = "--models", paramLabel = "DIR", description = "Keep the best model here as best-model.zip "
            + "(default: terrain-models/STUDY).")
    private Path models;

    @Option(names = "--runner", paramLabel = "KIND", description = "Where trials train: processes (--parallel worker "
            + "JVMs on this machine), threads (of this process; the fastest for 1 at a time) or spark (tasks of a Spark "
            + "application; see --master) (default: processes when --parallel is above 1, else threads).")
    private String runner;

    @Option(names = "--master", paramLabel = "URL", description = "The Spark master for --runner spark: local[N], "
            + "spark://HOST:PORT, yarn, k8s://... (default: spark-submit's).")
    private String master;

    @Option(names = "--report", paramLabel = "DIR", description = "When the search ends, draw the study's HTML report "
            + "as DIR/STUDY.html (as terrain studies report does).")
    private Path reportDir;

    @Option(names = "--trial-time-limit", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Stop a trial still training after this long (90s, 45m, 2h; from 1 second to 365 days) and "
                    + "record it failed; its worker process is replaced. Needs --runner processes: a trial on a thread "
                    + "cannot be stopped safely (default: no limit).")
    private java.time.Duration trialTimeLimit;

    @Option(names = "--max-time", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Start no trial once this long has passed since the search started (90s, 45m, 2h, 1d; from 1 "
                    + "second to 365 days): trials running then finish, and --trials still caps the count (default: no limit).")
    private java.time.Duration maxTime;

    /** The Gaussian-process options the command line gives: the defaults, with --cost-exponent and --refit-growth if given. */
    private GpOptions gpOptions() {
        GpOptions options = GpOptions.DEFAULTS;
        if (costExponent != null) {
            if (!(costExponent >= 0 && costExponent <= GpOptions.MAX_COST_EXPONENT)) {
                throw new IllegalArgumentException("--cost-exponent must be from 0 to " + (int) GpOptions.MAX_COST_EXPONENT
                        + ", got " + costExponent);
            }
            options = options.withCostExponent(costExponent);
        }
        if (refitGrowth != null) {
            if (!(refitGrowth >= 1 && refitGrowth <= GpOptions.MAX_REFIT_GROWTH)) {
                throw new IllegalArgumentException("--refit-growth must be from 1 to " + GpOptions.MAX_REFIT_GROWTH + ", got "
                        + refitGrowth);
            }
            options = options.withRefitGrowth(refitGrowth);
        }
        return options;
    }

    /** The most trials at once per core on this machine (each worker JVM takes up to 2 GB). */
    static final int LOCAL_TRIALS_PER_CORE = 4;

    @Override
    public Integer call() {
        DemoSearch search;
        StudySettings settings;
        try {
            if (costExponent != null && !generator.gaussianProcess()) {
                throw new IllegalArgumentException("--cost-exponent is for --generator bayesian or mfgp, not "
                        + generator.name().toLowerCase(Locale.ROOT));
            }
            if (refitGrowth != null && !generator.gaussianProcess()) {
                throw new IllegalArgumentException("--refit-growth is for --generator bayesian or mfgp, not "
                        + generator.name().toLowerCase(Locale.ROOT));
            }
            search = new DemoSearch(dataset, generator, trials, seed, epochs, parallel, gpOptions());
            String name = study == null ? search.defaultStudyName() : study;
            StoreLocation.commandLineWarning(storage).ifPresent(System.err::println);
            settings = new StudySettings(StoreLocation.parse(storage), name, resume, pruner, prunePatience,
                    models == null ? Path.of("terrain-models", name) : models);
            settings.pruner(epochs);
            if (runner == null) {
                runner = parallel > 1 ? "processes" : "threads";
            }
            if (!List.of("processes", "threads", "spark").contains(runner)) {
                throw new IllegalArgumentException("--runner '" + runner + "' is not processes, threads or spark");
            }
            ProcessTrialExecutor.checkTimeLimit(trialTimeLimit);
            if (maxTime != null) {
                DemoSearch.checkTimeLimit(maxTime);
            }
            if (trialTimeLimit != null && !runner.equals("processes")) {
                throw new IllegalArgumentException("--trial-time-limit needs --runner processes (a trial on a thread cannot "
                        + "be stopped safely), not --runner " + runner);
            }
            if (!runner.equals("spark") && master != null) {
                throw new IllegalArgumentException("--master is for --runner spark");
            }
            int cores = Runtime.getRuntime().availableProcessors();
            if (!runner.equals("spark") && parallel > LOCAL_TRIALS_PER_CORE * cores) {
                throw new IllegalArgumentException("--parallel " + parallel + " is more than " + LOCAL_TRIALS_PER_CORE
                        + " trials per core of this machine's " + cores + " for --runner " + runner + " (at most "
                        + LOCAL_TRIALS_PER_CORE * cores + ")");
            }
            if (settings.models() != null) {
                BestModelSummary.checkFolderOf(settings.models(), settings.study());
            }
            if (reportDir != null && !java.nio.file.Files.isDirectory(reportDir)) {
                throw new IllegalArgumentException("--report " + reportDir + " is not a directory");
            }
        } catch (IllegalArgumentException | StoreException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        DemoSearch.checkStudy(settings);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%s: %s search, %d trials of %d epochs%s, seed %d; study '%s' in %s, pruner %s%n",
                dataset.label(), generator.name().toLowerCase(Locale.ROOT), trials, epochs,
                maxTime == null ? "" : " (none started after " + maxTime.toSeconds() + " s)", seed, settings.study(),
                settings.storage(), settings.pruner(epochs));
        java.time.Duration limit = maxTime == null ? DemoSearch.NO_TIME_LIMIT : maxTime;
        TrialTable table = new TrialTable(out);
        table.printHeader();
        List<StoredTrial> all;
        if (runner.equals("spark")) {
            try (SparkRunner spark = SparkRunner.start(master, spec)) {
                all = search.run(table, settings, spark.executor(parallel), limit);
            }
        } else if (runner.equals("processes")) {
            all = search.run(table, settings, new ProcessTrialExecutor(parallel, ProcessTrialExecutor.defaultJvmOptions(),
                    trialTimeLimit), limit);
        } else {
            all = search.run(table, settings, new LocalTrialExecutor(parallel), limit);
        }
        long failed = all.stream().filter(t -> t.state() == TrialState.FAILED).count();
        long pruned = all.stream().filter(t -> t.state() == TrialState.PRUNED).count();
        Optional<StoredTrial> best = all.stream().filter(t -> t.state() == TrialState.COMPLETE)
                .max(Comparator.comparingDouble(StoredTrial::score));
        if (best.isEmpty()) {
            spec.commandLine().getErr().printf("terrain search: no trial of study '%s' completed (%d failed, %d pruned)%s%n",
                    settings.study(), failed, pruned, table.records().isEmpty() ? "" : "; the first failure: "
                    + table.records().get(0).failure());
            return 1;
        }
        StoredTrial b = best.get();
        out.printf(Locale.ROOT, "best: trial %d, validation accuracy %.4f: %s (%d trials: %d complete, %d pruned, %d failed)%n",
                b.number(), b.score(), b.parameters(), all.size(), all.size() - failed - pruned, pruned, failed);
        if (settings.models() != null) {
            // What the folder holds, which is the best trial's model unless saving it failed.
            Optional<BestModelSummary> saved = BestModelSummary.read(settings.models());
            out.println(saved.map(summary -> String.format(Locale.ROOT, "best model: %s (trial %d, %.4f)",
                    settings.models().resolve("best-model.zip"), summary.trial(), summary.score()))
                    .orElse("best model: none saved in " + settings.models()));
        }
        if (reportDir != null) {
            Path page = reportDir.resolve(settings.study() + ".html");
            try (StudyStore store = JdbcStudyStore.open(settings.storage())) {
                StudyReport.write(store.find(settings.study()).orElseThrow(), store.trials(settings.study()),
                        store.decisions(settings.study()), page);
            }
            out.println("Report: " + page);
        }
        out.flush();
        return 0;
    }

    /** Accepts the kinds in lower case, as the help shows them. */
    static final class GeneratorConverter implements picocli.CommandLine.ITypeConverter<GeneratorKind> {
        @Override
        public GeneratorKind convert(String value) {
            try {
                return GeneratorKind.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("'" + value
                        + "' is not a generator; use random, bayesian, tpe, bohb or mfgp");
            }
        }
    }
}
