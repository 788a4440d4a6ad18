package org.terrain4j.bench;

import java.util.ArrayList;
import java.util.List;
import org.terrain4j.search.Sampler;
import org.terrain4j.search.UniformSampler;
import org.terrain4j.search.gp.GpOptions;
import org.terrain4j.search.gp.GpSampler;
import org.terrain4j.search.gp.MultiFidelityGpSampler;
import org.terrain4j.search.tpe.MultiFidelityTpeSampler;
import org.terrain4j.search.tpe.TpeOptions;
import org.terrain4j.search.tpe.TpeSampler;

/**
 * The search methods of {@code search-dl4j} on {@link SyntheticTraining}'s learning curves, at equal
 * compute: each method is GENERATOR+PRUNER ({@code mfgp}, {@code bohb}, {@code tpe}, {@code gp} or
 * {@code random}; {@code asha} or {@code none}; and {@code mfgp-grow}, the multi-fidelity GP refitting its
 * hyperparameters as its rows grow by 5% ({@code GpOptions.refitGrowth} 1.05) instead of at every proposal,
 * to measure what that economy costs), one worker ({@link SyntheticSearch}), and every
 * method of a seed starts from the same 10 random trials with the same noise, so that the
 * start-up's luck is shared and only the models differ. Trials start until the last checkpoint's
 * epochs have been trained.
 *
 * <p>Prints tab-separated lines {@code curve method seed epochs regret}: at each checkpoint, the regret
 * of the best configuration trained all 27 epochs by a trial that finished within that many
 * epochs (infinite before one has).
 *
 * <p>Usage: {@code MultiFidelityMethods FIRST-LAST CHECKPOINTS METHODS CURVES}: seeds FIRST to
 * LAST, checkpoints in epochs (comma-separated), methods and curves ({@code HARTMANN6},
 * {@code HARTMANN3}, {@code MICHALEWICZ5}) comma-separated; each curve and seed searched with every
 * method in that order.
 */
public final class MultiFidelityMethods {

    /** The refit growth of {@code mfgp-grow}. */
    static final double GROWN_REFIT = 1.05;

    private MultiFidelityMethods() {
    }

    public static void main(String[] args) {
        BenchArguments.runOrExplain("MultiFidelityMethods FIRST-LAST CHECKPOINTS METHODS CURVES", args,
                MultiFidelityMethods::run);
    }

    private static void run(String[] args) {
        int[] seeds = BenchArguments.seedRange(args[0]);
        List<Integer> checkpoints = BenchArguments.checkpoints(args[1], Integer.MAX_VALUE);
        int maxEpochs = checkpoints.stream().mapToInt(Integer::intValue).max().orElseThrow();
        List<String> methods = List.of(args[2].split(",", -1));
        for (String method : methods) {
            sampler(method);
        }
        List<SyntheticTraining> curves = new ArrayList<>();
        for (String name : args[3].split(",", -1)) {
            curves.add(curve(name));
        }
        for (SyntheticTraining curve : curves) {
            for (int seed = seeds[0]; seed <= seeds[1]; seed++) {
                search(curve, seed, checkpoints, maxEpochs, methods);
            }
        }
    }

    /** Each method's search of {@code curve} from {@code seed}; prints its regret at each checkpoint. */
    private static void search(SyntheticTraining curve, int seed, List<Integer> checkpoints, int maxEpochs,
            List<String> methods) {
        for (String method : methods) {
            List<Integer> epochs = new ArrayList<>();
            List<Double> regrets = new ArrayList<>();
            SyntheticSearch.run(curve, sampler(method), method.endsWith("+asha"), seed, Integer.MAX_VALUE, maxEpochs, 1,
                    p -> {
                        epochs.add(p.epochs());
                        regrets.add(p.regret());
                    });
            for (int checkpoint : checkpoints) {
                double regret = Double.POSITIVE_INFINITY;
                for (int k = 0; k < epochs.size() && epochs.get(k) <= checkpoint; k++) {
                    regret = regrets.get(k);
                }
                System.out.printf("%s\t%s\t%d\t%d\t%.6g%n", curve, method, seed, checkpoint, regret);
            }
            System.out.flush();
        }
    }

    /** The curve named {@code name}, or an error naming it. */
    static SyntheticTraining curve(String name) {
        try {
            return SyntheticTraining.valueOf(name.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown curve '" + name + "' (HARTMANN6, HARTMANN3 or MICHALEWICZ5)");
        }
    }

    /** A new sampler for {@code method} (GENERATOR+PRUNER), or an error naming it. */
    static Sampler sampler(String method) {
        String[] parts = method.split("\\+", -1);
        if (parts.length != 2 || !parts[1].equals("asha") && !parts[1].equals("none")) {
            throw new IllegalArgumentException("a method is GENERATOR+PRUNER with PRUNER asha or none, got '" + method + "'");
        }
        return switch (parts[0]) {
            case "mfgp" -> new MultiFidelityGpSampler(GpOptions.DEFAULTS);
            case "mfgp-grow" -> new MultiFidelityGpSampler(GpOptions.DEFAULTS.withRefitGrowth(GROWN_REFIT));
            case "gp" -> new GpSampler(GpOptions.DEFAULTS);
            case "bohb" -> new MultiFidelityTpeSampler(TpeOptions.OPTUNA_DEFAULTS,
                    MultiFidelityTpeSampler.DEFAULT_RANDOM_FRACTION);
            case "tpe" -> new TpeSampler(TpeOptions.OPTUNA_DEFAULTS);
            case "random" -> new UniformSampler();
            default -> throw new IllegalArgumentException(
                    "unknown generator '" + parts[0] + "' in '" + method + "' (mfgp, mfgp-grow, bohb, tpe, gp or random)");
        };
    }
}
