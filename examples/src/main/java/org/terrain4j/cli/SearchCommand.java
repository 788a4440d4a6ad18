package org.terrain4j.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.terrain4j.searchdemo.DigitsSearch;
import org.terrain4j.searchdemo.GeneratorKind;
import org.terrain4j.searchdemo.TrialRecord;
import org.terrain4j.searchdemo.TrialTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code terrain search}: an Arbiter search on the digits network, trained with Terrain. */
@Command(name = "search",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Hyperparameter search on the digits network (learning rate, Terrain's schedule family, "
                + "batch size, hidden width) with Arbiter's random search or Terrain's Bayesian or TPE generator; "
                + "prints each trial as it finishes and the best configuration at the end."})
final class SearchCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private VerboseOption verbose;

    @Option(names = "--generator", paramLabel = "KIND",
            description = "random, bayesian or tpe (default: ${DEFAULT-VALUE}).", converter = GeneratorConverter.class)
    private GeneratorKind generator = GeneratorKind.BAYESIAN;

    @Option(names = "--trials", paramLabel = "N", description = "Trials to run (default: ${DEFAULT-VALUE}).")
    private int trials = 20;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the generator, split and weights (default: ${DEFAULT-VALUE}).")
    private long seed = 42;

    @Option(names = "--epochs", paramLabel = "N", description = "Training epochs per trial (default: ${DEFAULT-VALUE}).")
    private int epochs = 8;

    @Option(names = "--parallel", paramLabel = "N", description = "Trials trained at once (default: ${DEFAULT-VALUE}).")
    private int parallel = 1;

    @Override
    public Integer call() {
        DigitsSearch search;
        try {
            search = new DigitsSearch(generator, trials, seed, epochs, parallel);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "digits: %s search, %d trials of %d epochs, seed %d%n",
                generator.name().toLowerCase(Locale.ROOT), trials, epochs, seed);
        TrialTable table = new TrialTable(out);
        table.printHeader();
        search.run(table);
        long failed = table.records().stream().filter(r -> !r.complete()).count();
        TrialRecord best = table.best().orElse(null);
        if (best == null) {
            spec.commandLine().getErr().printf("terrain search: every trial failed (%d); the first failure: %s%n",
                    failed, table.records().isEmpty() ? "none recorded" : table.records().get(0).failure());
            return 1;
        }
        out.printf(Locale.ROOT, "best: trial %d, validation accuracy %.4f: learning rate %.4g, width %d, schedule %s,"
                + " batch size %d (%d of %d trials complete)%n", best.index(), best.score(), best.learningRate(),
                best.width(), best.schedule(), best.batchSize(), table.records().size() - failed, table.records().size());
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
                        + "' is not a generator; use random, bayesian or tpe");
            }
        }
    }
}
