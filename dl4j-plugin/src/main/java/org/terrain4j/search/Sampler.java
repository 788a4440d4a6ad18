package org.terrain4j.search;

import java.util.SplittableRandom;

/**
 * Proposes the next point to evaluate from what has been learnt so far. Implementations
 * return a point in [0,1]^d (not necessarily snapped); the caller snaps it and records it in
 * the history. They keep no state between calls other than caches that the history
 * determines, so the same history and random stream give the same proposal.
 */
public interface Sampler {

    /** The next point to evaluate. */
    double[] propose(SearchHistory history, SplittableRandom random);
}
