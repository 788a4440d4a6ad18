package org.terrain4j.search.gp;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Settings of the Gaussian-process sampler.
 *
 * @param acquisition what to maximize
 * @param pendingPolicy what to assume about points still being evaluated
 * @param kernels the covariance shapes fitted at each proposal; the one of highest marginal
 *                likelihood (plus prior) is used
 * @param hyperparameterRandomStarts random starts of the marginal-likelihood fit besides the warm and default ones
 * @param hyperparameterIterations optimizer iterations per start of the fit
 * @param hyperparameterPoints most observations the fit uses: a random subset of this many beyond
 *                             (the posterior still uses all)
 * @param uniformSamples uniform samples of the acquisition's broad stage
 * @param perturbationsPerIncumbent perturbed copies of each of the best observed points in the broad stage
 * @param incumbents how many of the best observed points to perturb
 * @param localStarts best samples optimized locally
 * @param localEvaluations acquisition evaluations per local run
 * @param costExponent how much a configuration's cost counts, once trials report their durations
 *                     ({@link CostModel}): the acquisition is divided by the predicted seconds a
 *                     trial of the point takes to this power; 0 (the default) ignores cost, 1 is expected
 *                     improvement per second (see {@link CostModel} for when that helps and when it
 *                     hurts). Above 0 it needs a logarithmic acquisition (expected or probability of improvement)
 * @param refitGrowth how often the chosen kernel's hyperparameters are refitted: once the observations
 *                    (the multi-fidelity GP's rows) have grown by this factor since its last fit, from 1
 *                    (the default: at every proposal) to 1.1 (only when the kernels are compared again);
 *                    in between the last fit stands. A larger factor makes proposals cheaper (the
 *                    multi-fidelity GP's 2.1x to 2.4x at 1.05 up to 500 trials; docs/BENCHMARKS.md,
 *                    Search) at a measured cost in regret on some objectives (README, "Multi-fidelity GP")
 */
public record GpOptions(Acquisition acquisition, PendingPolicy pendingPolicy, Set<Kernel> kernels, int hyperparameterRandomStarts,
        int hyperparameterIterations, int hyperparameterPoints, int uniformSamples, int perturbationsPerIncumbent, int incumbents,
        int localStarts, int localEvaluations, double costExponent, double refitGrowth) {

    /**
     * Expected improvement with xi = 0, blind to training time (cost exponent 0), kriging
     * believer, the product and additive kernels, hyperparameters refitted at every proposal, and
     * budgets measured in docs/BENCHMARKS.md.
     */
    public static final GpOptions DEFAULTS = new GpOptions(new Acquisition.ExpectedImprovement(0),
            PendingPolicy.KRIGING_BELIEVER, EnumSet.allOf(Kernel.class), 1, 100, 200, 512, 48, 4, 3, 200, 0, 1);

    /** The largest cost exponent. */
    public static final double MAX_COST_EXPONENT = 10;

    /** The largest refit growth: beyond it the kernels' comparisons refit first. */
    public static final double MAX_REFIT_GROWTH = KernelChoice.COMPARISON_GROWTH;

    /** Validates. */
    public GpOptions {
        java.util.Objects.requireNonNull(acquisition, "acquisition");
        java.util.Objects.requireNonNull(pendingPolicy, "pendingPolicy");
        java.util.Objects.requireNonNull(kernels, "kernels");
        if (kernels.isEmpty()) {
            throw new IllegalArgumentException("kernels must name at least one kernel, got none");
        }
        kernels = Collections.unmodifiableSet(EnumSet.copyOf(kernels));
        if (incumbents < 0) {
            throw new IllegalArgumentException("incumbents must be >= 0, got " + incumbents);
        }
        new HyperparameterFit(hyperparameterRandomStarts, hyperparameterIterations, hyperparameterPoints);
        new AcquisitionMaximizer(uniformSamples, perturbationsPerIncumbent, localStarts, localEvaluations);
        if (!(costExponent >= 0) || costExponent > MAX_COST_EXPONENT) {
            throw new IllegalArgumentException("costExponent must be from 0 to " + (int) MAX_COST_EXPONENT + ", got "
                    + costExponent);
        }
        KernelChoice.checkRefitGrowth(refitGrowth);
        if (costExponent > 0 && !acquisition.logarithmic()) {
            throw new IllegalArgumentException("costExponent " + costExponent + " divides the acquisition by a cost,"
                    + " which needs expected or probability of improvement, not " + acquisition
                    + "; set costExponent to 0 with it");
        }
    }

    /** The cost model these options describe. */
    CostModel costModel() {
        return new CostModel(costExponent, this);
    }

    /** The kernel choice these options describe: their kernels, fit and refit growth. */
    KernelChoice kernelChoice() {
        return new KernelChoice(hyperparameterFit(), kernels, refitGrowth);
    }

    /** The hyperparameter fit these options describe. */
    HyperparameterFit hyperparameterFit() {
        return new HyperparameterFit(hyperparameterRandomStarts, hyperparameterIterations, hyperparameterPoints);
    }

    /** The acquisition maximizer these options describe. */
    AcquisitionMaximizer acquisitionMaximizer() {
        return new AcquisitionMaximizer(uniformSamples, perturbationsPerIncumbent, localStarts, localEvaluations);
    }

    /**
     * These options with another acquisition function; with one that is not logarithmic (the
     * confidence bound, which a cost cannot divide) the cost exponent becomes 0.
     */
    public GpOptions withAcquisition(Acquisition newAcquisition) {
        return new GpOptions(newAcquisition, pendingPolicy, kernels, hyperparameterRandomStarts, hyperparameterIterations,
                hyperparameterPoints, uniformSamples, perturbationsPerIncumbent, incumbents, localStarts, localEvaluations,
                newAcquisition.logarithmic() ? costExponent : 0, refitGrowth);
    }

    /** These options with another pending policy. */
    public GpOptions withPendingPolicy(PendingPolicy newPolicy) {
        return new GpOptions(acquisition, newPolicy, kernels, hyperparameterRandomStarts, hyperparameterIterations,
                hyperparameterPoints, uniformSamples, perturbationsPerIncumbent, incumbents, localStarts, localEvaluations,
                costExponent, refitGrowth);
    }

    /** These options with other kernels to choose from. */
    public GpOptions withKernels(Set<Kernel> newKernels) {
        return new GpOptions(acquisition, pendingPolicy, newKernels, hyperparameterRandomStarts, hyperparameterIterations,
                hyperparameterPoints, uniformSamples, perturbationsPerIncumbent, incumbents, localStarts, localEvaluations,
                costExponent, refitGrowth);
    }

    /** These options with another cost exponent (0 ignores cost). */
    public GpOptions withCostExponent(double newCostExponent) {
        return new GpOptions(acquisition, pendingPolicy, kernels, hyperparameterRandomStarts, hyperparameterIterations,
                hyperparameterPoints, uniformSamples, perturbationsPerIncumbent, incumbents, localStarts, localEvaluations,
                newCostExponent, refitGrowth);
    }

    /** These options with another refit growth (1 refits at every proposal). */
    public GpOptions withRefitGrowth(double newRefitGrowth) {
        return new GpOptions(acquisition, pendingPolicy, kernels, hyperparameterRandomStarts, hyperparameterIterations,
                hyperparameterPoints, uniformSamples, perturbationsPerIncumbent, incumbents, localStarts, localEvaluations,
                costExponent, newRefitGrowth);
    }
}
