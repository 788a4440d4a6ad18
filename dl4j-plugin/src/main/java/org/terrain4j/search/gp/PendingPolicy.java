package org.terrain4j.search.gp;

/**
 * What the model assumes about points still being evaluated, so that concurrent suggestions
 * spread out instead of piling on one point (Ginsbourger, Le Riche and Carraro 2010). Either
 * way the pending point's variance collapses, which takes its neighbourhood's expected
 * improvement away.
 */
public enum PendingPolicy {
    /** The pending point will come out at the model's own prediction (kriging believer). */
    KRIGING_BELIEVER,
    /** The pending point will come out as the worst loss seen (a pessimistic constant liar). */
    CONSTANT_LIAR_WORST,
    /** The pending point will come out as the best loss seen (an optimistic constant liar). */
    CONSTANT_LIAR_BEST
}
