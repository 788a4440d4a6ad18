package org.terrain4j.bench;

import java.util.List;
import org.terrain4j.search.gp.GpOptions;
import org.terrain4j.search.gp.MultiFidelityGpSampler;

/**
 * What the multi-fidelity GP's row limit costs in regret: long sequential searches of
 * {@link SyntheticTraining}'s learning curves over Hartmann-6, pruned by its asynchronous
 * successive halving, the same seeds with each row limit. Regret after {@code t} trials:
 * Hartmann-6 at the best configuration that trained all 27 epochs, minus its minimum. Until the
 * rows pass the limit the searches of a seed are the same search, proposal for proposal.
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

    private RowLimitRegret() {
    }

    public static void main(String[] args) {
        BenchArguments.runOrExplain("RowLimitRegret FIRST-LAST TRIALS CHECKPOINTS LIMITS", args, RowLimitRegret::run);
    }

    private static void run(String[] args) {
        int[] seeds = BenchArguments.seedRange(args[0]);
        int trials = BenchArguments.number("TRIALS", args[1], SyntheticSearch.STARTUP + 1);
        List<Integer> checkpoints = BenchArguments.checkpoints(args[2], trials);
        List<String> limits = List.of(args[3].split(",", -1));
        for (String limit : limits) {
            if (!limit.equals("none") && !limit.equals("default")) {
                BenchArguments.number("limit", limit, 1);
            }
        }
        for (int seed = seeds[0]; seed <= seeds[1]; seed++) {
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

    private static void search(int seed, int trials, List<Integer> checkpoints, String limit, int maxRows) {
        SyntheticSearch.run(new MultiFidelityGpSampler(GpOptions.DEFAULTS, maxRows), seed, trials, 1, p -> {
            if (checkpoints.contains(p.trials())) {
                System.out.printf("%s\t%d\t%d\t%.6g\t%d%n", limit, seed, p.trials(), p.regret(),
                        MultiFidelityGpSampler.rowsWithoutLimit(p.history()));
                System.out.flush();
            }
        });
    }
}
