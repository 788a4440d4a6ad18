package org.terrain4j.search.gp;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Which kernel a Gaussian-process sampler models with, kept between its proposals. Each kernel's
 * hyperparameters are fitted by marginal likelihood, warm-started from that kernel's last fit, and
 * the kernel the data favour is kept (the highest marginal likelihood plus prior: the kernels have
 * the same hyperparameters, so this is a like-for-like comparison of the evidence). The kernels are
 * compared again each time the observations have grown by a tenth ({@value #COMPARISON_GROWTH}x)
 * since the last comparison, and only the chosen kernel is refitted in between: a long study pays
 * for the comparison about {@code log(n) / log(1.1)} times, not {@code n}. At a comparison a kernel
 * whose warm start trails far behind on the new observations is not refitted
 * ({@link HyperparameterFit#TRAILING_NATS}). With a refit growth above 1, the chosen kernel is
 * refitted only once the observations have grown by that factor since its last fit, and its last
 * hyperparameters stand in between: a sampler that conditions on many rows a proposal (the
 * multi-fidelity GP) spends most of a proposal fitting, and its hyperparameters move little from
 * one row to the next. Growth, for both, is counted in the size the caller passes: the observations
 * it has, which may be more than the rows it conditions on (the multi-fidelity GP's rows without its
 * row limit keep growing past the limit, where the rows fitted stop growing; counted in those, the
 * kernels were never compared again in a long search). Not thread-safe.
 */
final class KernelChoice {

    /**
     * The kernels are compared again once the observations have grown by this factor since the
     * last comparison (and by at least one); in between only the chosen kernel is refitted.
     */
    static final double COMPARISON_GROWTH = 1.1;

    private final HyperparameterFit fit;
    private final Set<Kernel> kernels;
    private final double refitGrowth;
    private final Map<Kernel, GpHyperparameters> lastFits = new EnumMap<>(Kernel.class);
    /** The kernel of the last fit; null before the first. */
    private Kernel chosen;
    private int nextComparison;
    private int nextRefit;

    /** Every kernel compared as the observations grow by a tenth, the chosen one refitted at every call. */
    KernelChoice(HyperparameterFit fit, Set<Kernel> kernels) {
        this(fit, kernels, 1);
    }

    /**
     * Every kernel compared as the observations grow by a tenth; in between, the chosen one refitted
     * once they have grown by {@code refitGrowth} (at least 1, at most {@value #COMPARISON_GROWTH};
     * 1 refits at every call) since its last fit.
     */
    KernelChoice(HyperparameterFit fit, Set<Kernel> kernels, double refitGrowth) {
        checkRefitGrowth(refitGrowth);
        this.fit = fit;
        this.kernels = kernels;
        this.refitGrowth = refitGrowth;
    }

    /**
     * The hyperparameters to model {@code y} at {@code x} with: every kernel fitted and the best
     * kept when the observations have grown enough since the last comparison, else the chosen
     * kernel refitted (with a refit growth, once they have grown enough since its last fit).
     * Growth is counted in the rows of {@code x}.
     */
    GpHyperparameters fit(double[][] x, double[] y, SplittableRandom random) {
        return fit(x, y, x.length, random);
    }

    /**
     * As {@link #fit(double[][], double[], SplittableRandom)}, growth counted in {@code size}: the
     * observations the caller has, of which {@code x} may be a subset (at least as many as its rows).
     */
    GpHyperparameters fit(double[][] x, double[] y, int size, SplittableRandom random) {
        if (size < x.length) {
            throw new IllegalArgumentException("size " + size + " is less than the " + x.length + " rows fitted");
        }
        boolean compare = chosen == null || size >= nextComparison;
        if (!compare && refitGrowth > 1 && size < nextRefit) {
            return lastFits.get(chosen);
        }
        Set<Kernel> fitted = kernels;
        if (compare) {
            nextComparison = grown(size, COMPARISON_GROWTH);
        } else {
            fitted = EnumSet.of(chosen);
        }
        nextRefit = grown(size, refitGrowth);
        List<HyperparameterFit.Fitted> fits = fit.fitEach(x, y, fitted, lastFits, random);
        fits.forEach(f -> lastFits.put(f.hyperparameters().kernel(), f.hyperparameters()));
        GpHyperparameters best = fits.get(0).hyperparameters();
        chosen = best.kernel();
        return best;
    }

    /** Refuses a refit growth outside 1 to {@value #COMPARISON_GROWTH}, naming it. */
    static void checkRefitGrowth(double refitGrowth) {
        if (!(refitGrowth >= 1 && refitGrowth <= COMPARISON_GROWTH)) {
            throw new IllegalArgumentException("refitGrowth must be from 1 to " + COMPARISON_GROWTH + ", got " + refitGrowth);
        }
    }

    /** The first size above {@code size} and at least {@code growth} times it. */
    private static int grown(int size, double growth) {
        return Math.max(size + 1, (int) Math.ceil(size * growth));
    }

    /** The number of observations at which the kernels are next compared (0 before the first fit). */
    int nextComparison() {
        return nextComparison;
    }

    /** The hyperparameters of the last fit's chosen kernel, if any. */
    Optional<GpHyperparameters> lastFit() {
        return Optional.ofNullable(chosen).map(lastFits::get);
    }
}
