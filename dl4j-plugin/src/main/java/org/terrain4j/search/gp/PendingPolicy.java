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
     * ratios 1.33 and 1.03).
     */
    KRIGING_BELIEVER,
    /** The pending point will come out as the worst loss seen (a pessimistic constant liar). */
    CONSTANT_LIAR_WORST,
    /** The pending point will come out as the best loss seen (an optimistic constant liar). */
    CONSTANT_LIAR_BEST
}
