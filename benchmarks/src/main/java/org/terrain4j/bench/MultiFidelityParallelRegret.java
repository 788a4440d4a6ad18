package org.terrain4j.bench;

import java.util.ArrayList;
import java.util.List;
import org.terrain4j.search.gp.GpOptions;
import org.terrain4j.search.gp.MultiFidelityGpSampler;

/**
 * What several workers cost the multi-fidelity GP in regret: searches of {@link SyntheticTraining}'s
 * learning curves over Hartmann-6 pruned by its asynchronous successive halving, by 1, 4 or 8
 * simulated workers ({@link SyntheticSearch}), the same seeds with each number of workers. With
 * more than one, each proposal is made while the other workers' trials run: the sampler holds them
 * by its pending policy at the largest budget, and learns the epochs they have reported.
 *
 * <p>Prints tab-separated lines {@code workers seed trials regret epochs ticks} each time the
 * number of finished trials reaches a checkpoint: the regret of the best configuration trained
 * all 27 epochs, the epochs trained by all workers, and the simulated wall clock in epochs.
 *
 * <p>Usage: {@code MultiFidelityParallelRegret FIRST-LAST TRIALS CHECKPOINTS WORKERS}: seeds FIRST
 * to LAST, each searched with every number of workers in WORKERS (comma-separated), in that order.
 */
public final class MultiFidelityParallelRegret {

    private MultiFidelityParallelRegret() {
    }

    public static void main(String[] args) {
        BenchArguments.runOrExplain("MultiFidelityParallelRegret FIRST-LAST TRIALS CHECKPOINTS WORKERS", args,
                MultiFidelityParallelRegret::run);
    }

    private static void run(String[] args) {
        int[] seeds = BenchArguments.seedRange(args[0]);
        int trials = BenchArguments.number("TRIALS", args[1], SyntheticSearch.STARTUP + 1);
        List<Integer> checkpoints = BenchArguments.checkpoints(args[2], trials);
        List<Integer> workers = new ArrayList<>();
        for (String w : args[3].split(",", -1)) {
            workers.add(BenchArguments.number("workers", w, 1));
        }
        for (int seed = seeds[0]; seed <= seeds[1]; seed++) {
            for (int w : workers) {
                int s = seed;
                SyntheticSearch.run(new MultiFidelityGpSampler(GpOptions.DEFAULTS), seed, trials, w, p -> {
                    if (checkpoints.contains(p.trials())) {
                        System.out.printf("%d\t%d\t%d\t%.6g\t%d\t%d%n", w, s, p.trials(), p.regret(), p.epochs(),
                                p.ticks());
                        System.out.flush();
                    }
                });
            }
        }
    }
}
