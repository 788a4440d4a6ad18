package org.terrain4j.bench;

import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.terrain4j.search.Sampler;
import org.terrain4j.search.SearchHistory;
import org.terrain4j.search.space.SearchSpace;

/**
 * A search of one of {@link SyntheticTraining}'s curves by {@code workers} simulated workers, in epochs of
 * simulated time: at each tick every idle worker takes a new trial (the first {@value #STARTUP}
 * uniformly at random, as the search generators' start-up trials, then the sampler's proposal,
 * the other workers' trials pending in the history with the epochs they reported so far), and
 * every busy worker trains one epoch, reports its loss and stops where the pruner says or at the
 * last epoch. Workers act in a fixed order, so a seed's search is deterministic; with one worker it
 * is the sequential search, proposal for proposal.
 */
final class SyntheticSearch {

    /** Random start-up trials before the sampler proposes. */
    static final int STARTUP = 10;

    /**
     * Where a search stands when a trial finishes.
     *
     * @param trials trials finished
     * @param regret {@link SyntheticTraining#regret} of the best configuration that trained every epoch so far (infinite before one has)
     * @param epochs epochs trained by every worker, finished trials and running ones
     * @param ticks epochs of simulated time: the wall clock in epochs
     * @param history the search's history at that moment (it goes on changing after the call)
     */
    record Progress(int trials, double regret, int epochs, int ticks, SearchHistory history) {
    }

    private SyntheticSearch() {
    }

    /** Runs {@code trials} pruned trials of the Hartmann-6 curve; {@code progress} sees the search each time a trial finishes. */
    static void run(Sampler sampler, int seed, int trials, int workers, Consumer<Progress> progress) {
        run(SyntheticTraining.HARTMANN6, sampler, true, seed, trials, Integer.MAX_VALUE, workers, progress);
    }

    /**
     * Runs at most {@code trials} trials, starting none once {@code maxEpochs} epochs have been
     * trained, each pruned by successive halving if {@code pruned} and trained every epoch if not;
     * {@code progress} sees the search each time a trial finishes.
     */
    static void run(SyntheticTraining curve, Sampler sampler, boolean pruned, int seed, int trials, int maxEpochs,
            int workers, Consumer<Progress> progress) {
        SearchHistory history = new SearchHistory(SearchSpace.continuous(curve.dimension()));
        SplittableRandom proposals = new SplittableRandom(seed);
        SyntheticTraining.Rungs rungs = new SyntheticTraining.Rungs();
        Run[] running = new Run[workers];
        int started = 0;
        int finished = 0;
        int epochs = 0;
        double best = Double.POSITIVE_INFINITY;
        int busy = 0;
        for (int tick = 1; started < trials && epochs < maxEpochs || busy > 0; tick++) {
            for (int w = 0; w < workers; w++) {
                if (running[w] == null && started < trials && epochs < maxEpochs) {
                    double[] x = history.space().snap(started < STARTUP
                            ? proposals.doubles(curve.dimension()).toArray()
                            : sampler.propose(history, proposals));
                    running[w] = new Run(history.suggested(x), x, new SplittableRandom(seed * 1_000_003L + started));
                    started++;
                    busy++;
                }
            }
            for (int w = 0; w < workers; w++) {
                Run run = running[w];
                if (run == null) {
                    continue;
                }
                run.epoch++;
                epochs++;
                double loss = curve.loss(run.x, run.epoch) + SyntheticTraining.NOISE * run.noise.nextGaussian();
                history.intermediate(run.id, run.epoch, loss);
                boolean last = run.epoch == SyntheticTraining.EPOCHS;
                if (last || pruned && !rungs.goesOn(run.epoch, loss)) {
                    history.complete(run.id, loss);
                    if (last) {
                        best = Math.min(best, curve.regret(run.x));
                    }
                    running[w] = null;
                    busy--;
                    finished++;
                    progress.accept(new Progress(finished, best, epochs, tick, history));
                }
            }
        }
    }

    /** A trial a worker is training. */
    private static final class Run {
        final int id;
        final double[] x;
        final SplittableRandom noise;
        int epoch;

        Run(int id, double[] x, SplittableRandom noise) {
            this.id = id;
            this.x = x;
            this.noise = noise;
        }
    }
}
