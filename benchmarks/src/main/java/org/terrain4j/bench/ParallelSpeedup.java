package org.terrain4j.bench;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.terrain4j.searchdemo.DigitsSearch;
import org.terrain4j.searchdemo.GeneratorKind;
import org.terrain4j.searchdemo.StudySettings;
import org.terrain4j.searchdemo.TrialTable;
import org.terrain4j.study.run.LocalTrialExecutor;
import org.terrain4j.study.run.ProcessTrialExecutor;
import org.terrain4j.study.run.TrialExecutor;
import org.terrain4j.study.store.StoreLocation;

/**
 * Trial throughput of the study runner with 1 and with 2 trials at once, interleaved over
 * rounds, the same random search of the digits network each time, for both local executors:
 * worker processes ({@code ProcessTrialExecutor}) and threads of this JVM
 * ({@code LocalTrialExecutor}), OMP_NUM_THREADS=1 everywhere. Prints TSV:
 * {@code round executor parallel trials seconds trials_per_second}.
 *
 * <pre>java -cp ... org.terrain4j.bench.ParallelSpeedup ROUNDS TRIALS EPOCHS [processes,threads]</pre>
 */
public final class ParallelSpeedup {

    private ParallelSpeedup() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[0]);
        int trials = Integer.parseInt(args[1]);
        int epochs = Integer.parseInt(args[2]);
        String[] kinds = (args.length > 3 ? args[3] : "processes,threads").split(",");
        Path folder = Files.createTempDirectory("terrain-parallel");
        StoreLocation store = StoreLocation.parse("sqlite:" + folder.resolve("studies.db"));
        // warm-up: load the data and JIT-compile the training path
        new DigitsSearch(GeneratorKind.RANDOM, 4, 99, epochs, 2).run(new TrialTable(new PrintWriter(new StringWriter())),
                new StudySettings(store, "warmup", false, "none", 0, null));
        for (int round = 1; round <= rounds; round++) {
            for (String kind : kinds) {
                for (int parallel : round % 2 == 1 ? new int[] {1, 2} : new int[] {2, 1}) {
                    TrialExecutor executor = kind.equals("processes") ? new ProcessTrialExecutor(parallel)
                            : new LocalTrialExecutor(parallel);
                    long start = System.nanoTime();
                    new DigitsSearch(GeneratorKind.RANDOM, trials, round, epochs, parallel).run(
                            new TrialTable(new PrintWriter(new StringWriter())),
                            new StudySettings(store, kind + parallel + "-r" + round, false, "none", 0, null), executor);
                    double seconds = (System.nanoTime() - start) / 1e9;
                    System.out.printf(Locale.ROOT, "%d\t%s\t%d\t%d\t%.2f\t%.3f%n", round, kind, parallel, trials, seconds,
                            trials / seconds);
                    System.out.flush();
                }
            }
        }
    }
}
