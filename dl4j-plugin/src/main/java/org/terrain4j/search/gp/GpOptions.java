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
 */
public record GpOptions(Acquisition acquisition, PendingPolicy pendingPolicy, Set<Kernel> kernels, int hyperparameterRandomStarts,
        int hyperparameterIterations, int hyperparameterPoints, int uniformSamples, int perturbationsPerIncumbent, int incumbents,
        int localStarts, int localEvaluations) {

    /**
     * Expected improvement with xi = 0, kriging believer, the product and additive kernels, and
     * budgets measured in docs/BENCHMARKS.md.
     */
    public static final GpOptions DEFAULTS = new GpOptions(new Acquisition.ExpectedImprovement(0),
            PendingPolicy.KRIGING_BELIEVER, EnumSet.allOf(Kernel.class), 1, 100, 200, 512, 48, 4, 3, 200);

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
    }

    /** The hyperparameter fit these options describe. */
    HyperparameterFit hyperparameterFit() {
        return new HyperparameterFit(hyperparameterRandomStarts, hyperparameterIterations, hyperparameterPoints);
    }

    /** The acquisition maximizer these options describe. */
    AcquisitionMaximizer acquisitionMaximizer() {
        return new AcquisitionMaximizer(uniformSamples, perturbationsPerIncumbent, localStarts, localEvaluations);
    }

    /** These options with another acquisition function. */
    public GpOptions withAcquisition(Acquisition newAcquisition) {
        return new GpOptions(newAcquisition, pendingPolicy, kernels, hyperparameterRandomStarts, hyperparameterIterations,
                hyperparameterPoints, uniformSamples, perturbationsPerIncumbent, incumbents, localStarts, localEvaluations);
    }

    /** These options with another pending policy. */
    public GpOptions withPendingPolicy(PendingPolicy newPolicy) {
        return new GpOptions(acquisition, newPolicy, kernels, hyperparameterRandomStarts, hyperparameterIterations,
                hyperparameterPoints, uniformSamples, perturbationsPerIncumbent, incumbents, localStarts, localEvaluations);
    }

    /** These options with other kernels to choose from. */
    public GpOptions withKernels(Set<Kernel> newKernels) {
        return new GpOptions(acquisition, pendingPolicy, newKernels, hyperparameterRandomStarts, hyperparameterIterations,
                hyperparameterPoints, uniformSamples, perturbationsPerIncumbent, incumbents, localStarts, localEvaluations);
    }
}
