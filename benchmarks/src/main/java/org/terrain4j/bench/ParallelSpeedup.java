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
import org.terrain4j.study.run.LocalTrialExecutor;
import org.terrain4j.study.run.ProcessTrialExecutor;
import org.terrain4j.study.run.TrialExecutor;
import org.terrain4j.study.store.JdbcStudyStore;
import org.terrain4j.study.store.StoreLocation;
import org.terrain4j.study.store.StoredTrial;

/**
 * Trial throughput of the study runner with 1 and with 2 trials at once, interleaved over
 * rounds, the same random search of a demo network each time (digits: trials of about half a
 * second, whose sub-millisecond iterations leave ND4J's per-array overhead unamortized; or
 * Fashion-MNIST: iterations of milliseconds, as real searches train), for both local executors:
 * worker processes ({@code ProcessTrialExecutor}) and threads of this JVM
 * ({@code LocalTrialExecutor}), OMP_NUM_THREADS=1 everywhere.
 *
 * <p>Two throughputs per run: over the whole run (worker start-up included), and in steady
 * state, from the store's finish times: trials finished after the first {@code parallel} ones,
 * over the time since (what an hours-long search sees, once every worker is warm).
 *
 * <p>Prints TSV: {@code dataset round executor parallel trials seconds trials_per_second
 * steady_trials_per_second median_trial_seconds summed_trial_seconds}; the last, over the trials
 * numbered 2 and on, tells how much longer the same trials take side by side (contention), apart
 * from start-up and the last trial's wait (a run's seed fixes its configurations, whatever the
 * parallelism).
 *
 * <pre>java -cp ... org.terrain4j.bench.ParallelSpeedup ROUNDS TRIALS EPOCHS [processes,threads] [digits|fashion]</pre>
 */
public final class ParallelSpeedup {

    private ParallelSpeedup() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[0]);
        int trials = Integer.parseInt(args[1]);
        int epochs = Integer.parseInt(args[2]);
        String[] kinds = (args.length > 3 ? args[3] : "processes,threads").split(",");
        DemoDataset dataset = DemoDataset.valueOf((args.length > 4 ? args[4] : "digits").toUpperCase(Locale.ROOT));
        Path folder = Files.createTempDirectory("terrain-parallel");
        StoreLocation store = StoreLocation.parse("sqlite:" + folder.resolve("studies.db"));
        // warm-up: load the data and JIT-compile the training path
        new DemoSearch(dataset, GeneratorKind.RANDOM, 4, 99, epochs, 2).run(new TrialTable(new PrintWriter(new StringWriter())),
                new StudySettings(store, "warmup", false, "none", 0, null));
        for (int round = 1; round <= rounds; round++) {
            for (String kind : kinds) {
                for (int parallel : round % 2 == 1 ? new int[] {1, 2} : new int[] {2, 1}) {
                    TrialExecutor executor = kind.equals("processes") ? new ProcessTrialExecutor(parallel)
                            : new LocalTrialExecutor(parallel);
                    String study = kind + parallel + "-r" + round;
                    long start = System.nanoTime();
                    new DemoSearch(dataset, GeneratorKind.RANDOM, trials, round, epochs, parallel).run(
                            new TrialTable(new PrintWriter(new StringWriter())),
                            new StudySettings(store, study, false, "none", 0, null), executor);
                    double seconds = (System.nanoTime() - start) / 1e9;
                    List<StoredTrial> finished = finishedTrials(store, study);
                    System.out.printf(Locale.ROOT, "%s\t%d\t%s\t%d\t%d\t%.2f\t%.3f\t%.3f\t%.3f\t%.2f%n", dataset.label(), round,
                            kind, parallel, trials, seconds, trials / seconds, steadyThroughput(finished, parallel),
                            finished.stream().map(StoredTrial::seconds).sorted().toList().get(finished.size() / 2),
                            // from trial 2 on, none is a worker's first (which includes starting the
                            // worker), whether one or two trained at a time
                            finished.stream().filter(t -> t.number() >= 2).mapToDouble(StoredTrial::seconds).sum());
                    System.out.flush();
                }
            }
        }
    }

    /** The study's finished trials. */
    static List<StoredTrial> finishedTrials(StoreLocation location, String study) {
        try (JdbcStudyStore store = JdbcStudyStore.open(location)) {
            return store.trials(study).stream().filter(t -> t.finishedAt() != null).toList();
        }
    }

    /** Trials per second after the first {@code parallel} finished, from the store's finish times. */
    static double steadyThroughput(List<StoredTrial> trials, int parallel) {
        List<Long> finished = trials.stream().map(StoredTrial::finishedAt).sorted().toList();
        int skipped = Math.min(parallel, finished.size() - 1);
        if (skipped < 1) {
            return Double.NaN;
        }
        double seconds = (finished.get(finished.size() - 1) - finished.get(skipped - 1)) / 1000.0;
        return (finished.size() - skipped) / seconds;
    }
}
