package org.terrain4j.search.gp;

/**
 * What the model assumes about points still being evaluated, so that concurrent suggestions
 * spread out instead of piling on one point (Ginsbourger, Le Riche and Carraro 2010). Either
 * way the pending point's variance collapses, which takes its neighbourhood's expected
 * improvement away.
 */
public enum PendingPolicy {
    /**
     * The pending point will come out at the model's own prediction (kriging believer). The
     * default: on Hartmann-3, Levy-4, Rosenbrock-4 and Michalewicz-5 with 4 and 8 pending (10 seeds,
     * median regret at 50 and 100 evaluations) it was ahead of the best-loss liar in 14 of 16 cells
     * and of the worst-loss liar in 16 of 16, and of fantasies that keep the pending point's variance
     * (noise of its whole predictive variance, or a quarter of it: geometric means of the 16 regret
     * ratios 1.33 and 1.03). It was also ahead of the greedy step of batch expected improvement
     * (the candidate's improvement over the minimum of the best loss and the pending points' losses,
     * averaged over 128 joint posterior draws of those losses, the candidate's part in closed form):
     * that was behind in 11 of the 16 cells, geometric mean of the regret ratios 1.57 (2.4 with 4
     * pending, 1.03 with 8); and of local penalization (Gonzalez et al. 2016: expected improvement
     * times the probability that the candidate lies outside the ball of radius
     * {@code (mu_p - best) / L} around each pending point, {@code L} the largest gradient norm of the
     * posterior mean): behind in 10 of 16, geometric mean 1.47, ahead on Hartmann-3 in 3 of 4 cells
     * but up to 10 times the regret on Levy-4 and 4.6 times on Rosenbrock-4 at 100 evaluations.
     * And of Thompson sampling while trials are pending (Kandasamy et al. 2018: the minimizer of
     * one joint posterior draw over the acquisition's candidate pool, 512 uniform points and 192
     * perturbations of the incumbents): behind in 14 of the 16 cells, geometric mean 3.8,
     * Hartmann-3 11 to 13 times the regret in every cell, Levy-4 34 times with 4 pending at 100.
     */
    KRIGING_BELIEVER,
    /** The pending point will come out as the worst loss seen (a pessimistic constant liar). */
    CONSTANT_LIAR_WORST,
    /** The pending point will come out as the best loss seen (an optimistic constant liar). */
    CONSTANT_LIAR_BEST
}
