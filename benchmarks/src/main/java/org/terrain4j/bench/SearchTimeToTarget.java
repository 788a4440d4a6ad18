package org.terrain4j.bench;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.terrain4j.demo.DemoDataset;
import org.terrain4j.search.gp.GpOptions;
import org.terrain4j.searchdemo.DemoSearch;
import org.terrain4j.searchdemo.GeneratorKind;
import org.terrain4j.searchdemo.StudySettings;
import org.terrain4j.searchdemo.TrialTable;
import org.terrain4j.study.prune.Pruners;
import org.terrain4j.study.run.LocalTrialExecutor;
import org.terrain4j.study.store.StoreLocation;
import org.terrain4j.study.store.StoredTrial;
import org.terrain4j.study.store.TrialState;

/**
 * Real searches on DL4J training, as {@code terrain search} runs them (its space on digits, the
 * default, or Fashion-MNIST: learning rate, width, schedule family, batch size), one trial at a time: for each seed, each method's
 * study, in an order rotated from seed to seed. Prints per study, as TSV,
 * {@code seed method trials pruned epochs best seconds first_at_target... trial_at_target... between}: the
 * seconds from the study's first start to the end of its first complete trial at each target
 * validation accuracy, then that trial's number, counting from 1 in the order the generator
 * suggested them (NaN when none reached it): a target a start-up trial reached says nothing of the
 * generator's model; last, the seconds the study spent between its trials (the generator's
 * proposals and the store's writes).
 *
 * <pre>java -cp ... org.terrain4j.bench.SearchTimeToTarget SEEDS TRIALS EPOCHS TARGET[,TARGET..] METHOD[,METHOD..] DATASET SECONDS</pre>
 * {@code DATASET} is {@code digits}, {@code fashion} or {@code iris}. Every study may start trials for
 * {@code SECONDS} (the same budget for every method, so that a pruner's saved epochs buy more
 * trials) and {@code TRIALS} caps them; with {@code SECONDS} 0, each study runs {@code TRIALS} trials.
 * Methods are {@code GENERATOR+PRUNER}: {@code random+asha}, {@code tpe+asha}, {@code bayesian+none},
 * {@code bohb+asha}, ...; a Gaussian-process generator may name its cost exponent, {@code mfgp:0+asha}
 * ({@code terrain search --cost-exponent}; without it, the default), and its refit growth,
 * {@code mfgp:refit=1.05+asha} ({@code --refit-growth}), or both ({@code mfgp:1:refit=1.05+asha}).
 * Every argument is checked before the first study starts: a bad one ends the run with one line naming it.
 */
public final class SearchTimeToTarget {

    private static final String USAGE = "SearchTimeToTarget SEEDS TRIALS EPOCHS TARGETS METHODS DATASET SECONDS";

    private SearchTimeToTarget() {
    }

    /**
     * A method as {@code GENERATOR[:COST][:refit=GROWTH]+PRUNER} names it.
     *
     * @param study the start of its studies' names, the options in them
     */
    record Method(String name, GeneratorKind generator, GpOptions options, String pruner, String study) {

        /** The method {@code text} names, or an {@link IllegalArgumentException} naming what is wrong in it. */
        static Method parse(String text, int epochs) {
            String[] parts = text.split("\\+", -1);
            if (parts.length > 2) {
                throw new IllegalArgumentException("method '" + text + "' has more than one '+'; expected GENERATOR+PRUNER");
            }
            String[] kindAndOptions = parts[0].split(":", -1);
            GeneratorKind generator;
            try {
                generator = GeneratorKind.valueOf(kindAndOptions[0].toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("method '" + text + "': '" + kindAndOptions[0] + "' is not a generator; use one of "
                        + Arrays.toString(GeneratorKind.values()).toLowerCase(Locale.ROOT));
            }
            if (kindAndOptions.length > 1 && !generator.gaussianProcess()) {
                throw new IllegalArgumentException("method '" + text + "': only bayesian and mfgp take options, "
                        + kindAndOptions[0] + " does not");
            }
            GpOptions options = GpOptions.DEFAULTS;
            StringBuilder study = new StringBuilder(kindAndOptions[0]);
            for (int k = 1; k < kindAndOptions.length; k++) {
                String option = kindAndOptions[k];
                try {
                    if (option.startsWith("refit=")) {
                        options = options.withRefitGrowth(Double.parseDouble(option.substring("refit=".length())));
                        study.append("-refit").append(option.substring("refit=".length()));
                    } else {
                        options = options.withCostExponent(Double.parseDouble(option));
                        study.append("-cost").append(option);
                    }
                } catch (IllegalArgumentException e) { // NumberFormatException too
                    throw new IllegalArgumentException("method '" + text + "': option '" + option
                            + "' is neither a cost exponent (a number from 0 to " + (int) GpOptions.MAX_COST_EXPONENT
                            + ") nor refit=GROWTH (from 1 to " + GpOptions.MAX_REFIT_GROWTH + ")");
                }
            }
            String pruner = parts.length > 1 ? parts[1] : "none";
            try {
                Pruners.named(pruner, epochs, 0);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("method '" + text + "': '" + pruner + "' is not a pruner; use "
                        + Pruners.NAMES);
            }
            return new Method(text, generator, options, pruner, study.append("-").append(pruner).toString());
        }
    }

    /** The checked arguments. */
    private record Plan(int seeds, int trials, int epochs, double[] targets, List<Method> methods, DemoDataset dataset,
            Duration budget) {

        static Plan parse(String[] args) {
            int seeds = BenchArguments.number("SEEDS", args[0], 1);
            int trials = BenchArguments.number("TRIALS", args[1], 1);
            int epochs = BenchArguments.number("EPOCHS", args[2], 1);
            double[] targets = Arrays.stream(args[3].split(",", -1)).mapToDouble(t -> {
                try {
                    double target = Double.parseDouble(t);
                    if (target > 0 && target <= 1) {
                        return target;
                    }
                } catch (NumberFormatException e) {
                    // named below
                }
                throw new IllegalArgumentException("target '" + t + "' is not an accuracy from 0 (exclusive) to 1");
            }).toArray();
            List<Method> methods = Arrays.stream(args[4].split(",", -1)).map(m -> Method.parse(m, epochs)).toList();
            DemoDataset dataset;
            try {
                dataset = DemoDataset.valueOf(args[5].toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("DATASET '" + args[5] + "' is not one of "
                        + Arrays.toString(DemoDataset.values()).toLowerCase(Locale.ROOT));
            }
            int seconds = BenchArguments.number("SECONDS", args[6], 0);
            if (seconds > DemoSearch.NO_TIME_LIMIT.toSeconds()) {
                throw new IllegalArgumentException("SECONDS must be at most " + DemoSearch.NO_TIME_LIMIT.toSeconds()
                        + " (a year), got " + seconds);
            }
            return new Plan(seeds, trials, epochs, targets, methods, dataset,
                    seconds == 0 ? DemoSearch.NO_TIME_LIMIT : Duration.ofSeconds(seconds));
        }
    }

    public static void main(String[] args) throws Exception {
        Plan[] parsed = new Plan[1];
        BenchArguments.runOrExplain(USAGE, args, a -> parsed[0] = Plan.parse(a));
        Plan plan = parsed[0];
        Path folder = Files.createTempDirectory("terrain-time-to-target");
        StoreLocation store = StoreLocation.parse("sqlite:" + folder.resolve("studies.db"));
        for (int seed = 1; seed <= plan.seeds(); seed++) {
            List<Method> order = new ArrayList<>(plan.methods());
            Collections.rotate(order, seed - 1); // no method always runs first on a machine that drifts
            for (Method method : order) {
                List<StoredTrial> all = new DemoSearch(plan.dataset(), method.generator(), plan.trials(), seed, plan.epochs(), 1,
                        method.options()).run(new TrialTable(new PrintWriter(new StringWriter())),
                        new StudySettings(store, method.study() + "-" + seed, false, method.pruner(), 0, null),
                        new LocalTrialExecutor(1), plan.budget());
                long start = all.stream().mapToLong(StoredTrial::startedAt).min().orElse(0);
                long end = all.stream().filter(t -> t.finishedAt() != null).mapToLong(StoredTrial::finishedAt).max().orElse(start);
                StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%d\t%s\t%d\t%d\t%d\t%.4f\t%.1f", seed, method.name(),
                        all.size(), all.stream().filter(t -> t.state() == TrialState.PRUNED).count(),
                        all.stream().mapToInt(t -> t.intermediate().size()).sum(),
                        all.stream().filter(t -> t.state() == TrialState.COMPLETE).mapToDouble(StoredTrial::score).max()
                                .orElse(Double.NaN), (end - start) / 1e3));
                StringBuilder which = new StringBuilder();
                for (double target : plan.targets()) {
                    Optional<StoredTrial> first = all.stream()
                            .filter(t -> t.state() == TrialState.COMPLETE && t.score() >= target)
                            .min(Comparator.comparingLong(StoredTrial::finishedAt));
                    row.append(String.format(Locale.ROOT, "\t%.1f",
                            first.map(t -> (t.finishedAt() - start) / 1e3).orElse(Double.NaN)));
                    which.append(first.map(t -> "\t" + (t.number() + 1)).orElse("\tNaN"));
                }
                row.append(which);
                // One trial at a time: the study's time outside its trials is the generator's proposals and the store's writes.
                long inTrials = all.stream().filter(t -> t.finishedAt() != null).mapToLong(t -> t.finishedAt() - t.startedAt()).sum();
                row.append(String.format(Locale.ROOT, "\t%.1f", (end - start - inTrials) / 1e3));
                System.out.println(row);
                System.out.flush();
            }
        }
    }
}
