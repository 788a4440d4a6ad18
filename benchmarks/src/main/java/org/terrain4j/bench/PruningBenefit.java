package org.terrain4j.bench;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.terrain4j.demo.DemoDataset;
import org.terrain4j.searchdemo.DemoSearch;
import org.terrain4j.searchdemo.GeneratorKind;
import org.terrain4j.searchdemo.StudySettings;
import org.terrain4j.searchdemo.TrialTable;
import org.terrain4j.study.store.StoreLocation;
import org.terrain4j.study.store.StoredTrial;
import org.terrain4j.study.store.TrialState;

/**
 * What pruning saves on the digits search: for each seed, the same random search (Arbiter's
 * random generator: the same configurations whatever the pruner) with no pruning, the median
 * pruner and ASHA, run one after another; prints per run the training epochs spent and the
 * best validation accuracy, as TSV: {@code seed pruner trials pruned epochs best seconds}.
 *
 * <pre>java -cp ... org.terrain4j.bench.PruningBenefit SEEDS TRIALS EPOCHS</pre>
 */
public final class PruningBenefit {

    private PruningBenefit() {
    }

    public static void main(String[] args) throws Exception {
        int seeds = Integer.parseInt(args[0]);
        int trials = Integer.parseInt(args[1]);
        int epochs = Integer.parseInt(args[2]);
        Path folder = Files.createTempDirectory("terrain-pruning");
        StoreLocation store = StoreLocation.parse("sqlite:" + folder.resolve("studies.db"));
        for (int seed = 1; seed <= seeds; seed++) {
            for (String pruner : List.of("none", "median", "asha")) {
                long start = System.nanoTime();
                List<StoredTrial> all = new DemoSearch(DemoDataset.DIGITS, GeneratorKind.RANDOM, trials, seed, epochs, 1).run(
                        new TrialTable(new PrintWriter(new StringWriter())),
                        new StudySettings(store, pruner + "-" + seed, false, pruner, 0, null));
                double seconds = (System.nanoTime() - start) / 1e9;
                int spent = all.stream().mapToInt(t -> t.intermediate().size()).sum();
                long pruned = all.stream().filter(t -> t.state() == TrialState.PRUNED).count();
                double best = all.stream().filter(t -> t.state() == TrialState.COMPLETE)
                        .mapToDouble(StoredTrial::score).max().orElse(Double.NaN);
                System.out.printf(Locale.ROOT, "%d\t%s\t%d\t%d\t%d\t%.4f\t%.1f%n", seed, pruner, all.size(), pruned, spent,
                        best, seconds);
                System.out.flush();
            }
        }
    }
}
