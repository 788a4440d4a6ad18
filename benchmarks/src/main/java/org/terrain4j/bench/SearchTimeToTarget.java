package org.terrain4j.bench;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * <pre>java -cp ... org.terrain4j.bench.SearchTimeToTarget SEEDS TRIALS EPOCHS TARGET[,TARGET..] METHOD[,METHOD..] [DATASET [SECONDS]]</pre>
 * With {@code SECONDS}, every study may start trials for that long (the same budget for every method,
 * so that a pruner's saved epochs buy more trials) and {@code TRIALS} caps them; without it, each
 * study runs {@code TRIALS} trials.
 * Methods are {@code GENERATOR+PRUNER}: {@code random+asha}, {@code tpe+asha}, {@code bayesian+none},
 * {@code bohb+asha}, ...; a Gaussian-process generator may name its cost exponent, {@code mfgp:0+asha}
 * ({@code terrain search --cost-exponent}; without it, the default), and its refit growth,
 * {@code mfgp:refit=1.05+asha} ({@code --refit-growth}), or both ({@code mfgp:1:refit=1.05+asha}).
 */
public final class SearchTimeToTarget {

    private SearchTimeToTarget() {
    }

    public static void main(String[] args) throws Exception {
        int seeds = Integer.parseInt(args[0]);
        int trials = Integer.parseInt(args[1]);
        int epochs = Integer.parseInt(args[2]);
        double[] targets = java.util.Arrays.stream(args[3].split(",")).mapToDouble(Double::parseDouble).toArray();
        List<String> methods = List.of(args[4].split(","));
        DemoDataset dataset = args.length > 5 ? DemoDataset.valueOf(args[5].toUpperCase(Locale.ROOT)) : DemoDataset.DIGITS;
        // Every method's study gets the same wall-clock budget (TRIALS is then a cap): pruning buys more trials.
        java.time.Duration budget = args.length > 6 ? java.time.Duration.ofSeconds(Long.parseLong(args[6]))
                : DemoSearch.NO_TIME_LIMIT;
        Path folder = Files.createTempDirectory("terrain-time-to-target");
        StoreLocation store = StoreLocation.parse("sqlite:" + folder.resolve("studies.db"));
        for (int seed = 1; seed <= seeds; seed++) {
            List<String> order = new ArrayList<>(methods);
            Collections.rotate(order, seed - 1); // no method always runs first on a machine that drifts
            for (String method : order) {
                String[] parts = method.split("\\+");
                String[] kindAndOptions = parts[0].split(":");
                GeneratorKind generator = GeneratorKind.valueOf(kindAndOptions[0].toUpperCase(Locale.ROOT));
                GpOptions gpOptions = GpOptions.DEFAULTS;
                StringBuilder study = new StringBuilder(kindAndOptions[0]);
                for (int k = 1; k < kindAndOptions.length; k++) {
                    if (kindAndOptions[k].startsWith("refit=")) {
                        gpOptions = gpOptions.withRefitGrowth(Double.parseDouble(kindAndOptions[k].substring("refit=".length())));
                        study.append("-refit").append(kindAndOptions[k].substring("refit=".length()));
                    } else {
                        gpOptions = gpOptions.withCostExponent(Double.parseDouble(kindAndOptions[k]));
                        study.append("-cost").append(kindAndOptions[k]);
                    }
                }
                String pruner = parts.length > 1 ? parts[1] : "none";
                study.append("-").append(pruner).append("-").append(seed);
                List<StoredTrial> all = new DemoSearch(dataset, generator, trials, seed, epochs, 1, gpOptions).run(
                        new TrialTable(new PrintWriter(new StringWriter())),
                        new StudySettings(store, study.toString(), false, pruner, 0, null),
                        new LocalTrialExecutor(1), budget);
                long start = all.stream().mapToLong(StoredTrial::startedAt).min().orElse(0);
                long end = all.stream().filter(t -> t.finishedAt() != null).mapToLong(StoredTrial::finishedAt).max().orElse(start);
                StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%d\t%s\t%d\t%d\t%d\t%.4f\t%.1f", seed, method,
                        all.size(), all.stream().filter(t -> t.state() == TrialState.PRUNED).count(),
                        all.stream().mapToInt(t -> t.intermediate().size()).sum(),
                        all.stream().filter(t -> t.state() == TrialState.COMPLETE).mapToDouble(StoredTrial::score).max()
                                .orElse(Double.NaN), (end - start) / 1e3));
                StringBuilder which = new StringBuilder();
                for (double target : targets) {
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
