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
 * ({@link HyperparameterFit#TRAILING_NATS}). Not thread-safe.
 */
final class KernelChoice {

    /**
     * The kernels are compared again once the observations have grown by this factor since the
     * last comparison (and by at least one); in between only the chosen kernel is refitted.
     */
    static final double COMPARISON_GROWTH = 1.1;

    private final HyperparameterFit fit;
    private final Set<Kernel> kernels;
    private final Map<Kernel, GpHyperparameters> lastFits = new EnumMap<>(Kernel.class);
    /** The kernel of the last fit; null before the first. */
    private Kernel chosen;
    private int nextComparison;

    KernelChoice(HyperparameterFit fit, Set<Kernel> kernels) {
        this.fit = fit;
        this.kernels = kernels;
    }

    /**
     * The hyperparameters to model {@code y} at {@code x} with: every kernel fitted and the best
     * kept when the observations have grown enough since the last comparison, else the chosen
     * kernel refitted.
     */
    GpHyperparameters fit(double[][] x, double[] y, SplittableRandom random) {
        Set<Kernel> fitted = kernels;
        if (chosen != null && x.length < nextComparison) {
            fitted = EnumSet.of(chosen);
        } else {
            nextComparison = Math.max(x.length + 1, (int) Math.ceil(x.length * COMPARISON_GROWTH));
        }
        List<HyperparameterFit.Fitted> fits = fit.fitEach(x, y, fitted, lastFits, random);
        fits.forEach(f -> lastFits.put(f.hyperparameters().kernel(), f.hyperparameters()));
        GpHyperparameters best = fits.get(0).hyperparameters();
        chosen = best.kernel();
        return best;
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
