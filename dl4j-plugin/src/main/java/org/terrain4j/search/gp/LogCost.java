package org.terrain4j.search.gp;

/**
 * How much a point's cost counts against its acquisition score: a weighted logarithm of its
 * predicted cost, subtracted from a logarithmic acquisition ({@link Acquisition#logarithmic()}),
 * which divides the acquisition by the cost to that power ({@link CostModel}).
 */
@FunctionalInterface
interface LogCost {

    /** No cost: the acquisition as it is. */
    LogCost NONE = point -> 0;

    /** The weighted log cost of {@code point}. */
    double at(double[] point);
}
