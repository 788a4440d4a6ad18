package org.terrain4j.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.terrain4j.search.SearchHistory;
import org.terrain4j.search.gp.GpOptions;
import org.terrain4j.search.gp.MultiFidelityGpSampler;
import org.terrain4j.search.space.SearchSpace;

/**
 * What the multi-fidelity GP's row limit costs in regret: long sequential searches pruned by
 * asynchronous successive halving, the same seeds with each row limit. The objective is a learning
 * curve over Hartmann-6: at epoch {@code e} a configuration {@code x} reports
 * {@code H6(x) + (1 + 2 x0) (e^-1/2 - 27^-1/2)} plus Gaussian noise of 0.02, so the loss at 27
 * epochs is Hartmann-6 and the early epochs favour small {@code x0} (fast starters) a little more
 * than the last does. Successive halving with factor 3 (rungs at epochs 1, 3 and 9, 27 the most): a
 * trial goes on past a rung when its loss there is in the best third of the losses every trial
 * reported at that rung so far. Regret after {@code t} trials: Hartmann-6 at the best configuration
 * that trained all 27 epochs, minus its minimum. Until the rows pass the limit the searches of a
 * seed are the same search, proposal for proposal.
 *
 * <p>Prints tab-separated lines {@code limit seed trials regret rows}, rows being those the
 * model would condition on without a limit. The cost of a proposal is {@code SuggestionCost}'s
 * to measure, not this benchmark's.
 *
 * <p>Usage: {@code RowLimitRegret FIRST-LAST TRIALS CHECKPOINTS LIMITS}: seeds FIRST to LAST, each
 * searched with every limit of LIMITS (numbers of rows, {@code default} for the sampler's own,
 * {@code none}), in that order.
 */
public final class RowLimitRegret {

    private static final int[] RUNGS = {1, 3, 9};
    private static final int EPOCHS = 27;
    private static final double NOISE = 0.02;

    private RowLimitRegret() {
    }

    public static void main(String[] args) {
        try {
            run(args);
        } catch (IllegalArgumentException e) {
            System.err.println("RowLimitRegret: " + e.getMessage());
            System.err.println("usage: RowLimitRegret FIRST-LAST TRIALS CHECKPOINTS LIMITS");
            System.exit(2);
        }
    }

    private static void run(String[] args) {
        if (args.length != 4) {
            throw new IllegalArgumentException("expected 4 arguments, got " + args.length);
        }
        String[] seedRange = args[0].split("-", -1);
        int firstSeed = number("seed", seedRange[0], 0);
        int lastSeed = seedRange.length == 2 ? number("last seed", seedRange[1], firstSeed)
                : seedRange.length == 1 ? firstSeed : invalid("seeds must be FIRST-LAST, got '" + args[0] + "'");
        int trials = number("TRIALS", args[1], 11);
        List<Integer> checkpoints = new ArrayList<>();
        for (String c : args[2].split(",", -1)) {
            int checkpoint = number("checkpoint", c.trim(), 1);
            if (checkpoint > trials) {
                invalid("checkpoint " + checkpoint + " is beyond TRIALS " + trials);
            }
            checkpoints.add(checkpoint);
        }
        List<String> limits = List.of(args[3].split(",", -1));
        for (String limit : limits) {
            if (!limit.equals("none") && !limit.equals("default")) {
                number("limit", limit, 1);
            }
        }
        for (int seed = firstSeed; seed <= lastSeed; seed++) {
            for (String limit : limits) {
                int maxRows = switch (limit) {
                    case "none" -> Integer.MAX_VALUE;
                    case "default" -> MultiFidelityGpSampler.MAX_ROWS;
                    default -> Integer.parseInt(limit);
                };
                search(seed, trials, checkpoints, limit, maxRows);
            }
        }
    }

    /** {@code text} as a whole number of at least {@code min}, or an error naming {@code what}. */
    private static int number(String what, String text, int min) {
        int value;
        try {
            value = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return invalid(what + " must be a whole number, got '" + text + "'");
        }
        return value >= min ? value : invalid(what + " must be at least " + min + ", got " + value);
    }

    private static int invalid(String message) {
        throw new IllegalArgumentException(message);
    }

    private static void search(int seed, int trials, List<Integer> checkpoints, String limit, int maxRows) {
        MultiFidelityGpSampler sampler = new MultiFidelityGpSampler(GpOptions.DEFAULTS, maxRows);
        SearchHistory history = new SearchHistory(SearchSpace.continuous(6));
        SplittableRandom proposals = new SplittableRandom(seed);
        List<List<Double>> atRung = new ArrayList<>();
        for (int r = 0; r < RUNGS.length; r++) {
            atRung.add(new ArrayList<>());
        }
        double best = Double.POSITIVE_INFINITY;
        for (int t = 0; t < trials; t++) {
            // the start-up design, as the search generators' start-up trials
            double[] x = history.space().snap(t < 10 ? proposals.doubles(6).toArray() : sampler.propose(history, proposals));
            int id = history.suggested(x);
            SplittableRandom noise = new SplittableRandom(seed * 1_000_003L + t);
            double loss = Double.NaN;
            int epoch = 1;
            for (; epoch <= EPOCHS; epoch++) {
                loss = loss(x, epoch) + NOISE * noise.nextGaussian();
                history.intermediate(id, epoch, loss);
                int rung = java.util.Arrays.binarySearch(RUNGS, epoch);
                if (rung >= 0 && !inBestThird(atRung.get(rung), loss)) {
                    break;
                }
            }
            history.complete(id, loss);
            if (epoch > EPOCHS) {
                best = Math.min(best, SearchFunction.HARTMANN6.regret(x));
            }
            if (checkpoints.contains(t + 1)) {
                System.out.printf("%s\t%d\t%d\t%.6g\t%d%n", limit, seed, t + 1, best,
                        MultiFidelityGpSampler.rowsWithoutLimit(history));
                System.out.flush();
            }
        }
    }

    /** Adds {@code loss} to a rung's losses; whether it is in their best third (the first always is). */
    private static boolean inBestThird(List<Double> losses, double loss) {
        int better = 0;
        for (double l : losses) {
            if (l < loss) {
                better++;
            }
        }
        losses.add(loss);
        return better < Math.max(1, losses.size() / 3);
    }

    private static double loss(double[] x, int epoch) {
        return SearchFunction.HARTMANN6.value(x) + (1 + 2 * x[0]) * (1 / Math.sqrt(epoch) - 1 / Math.sqrt(EPOCHS));
    }
}
