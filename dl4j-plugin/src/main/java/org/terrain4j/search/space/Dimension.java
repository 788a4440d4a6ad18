package org.terrain4j.search.space;

/**
 * One coordinate of the unit hypercube. A sampler proposes any value in {@code [0,1]};
 * {@link #snap} returns the representative of the configuration that value selects, so the
 * model learns from what was evaluated rather than from the raw proposal.
 */
public sealed interface Dimension permits ContinuousDimension, DiscreteDimension {

    /** The canonical coordinate of the configuration that {@code u} (in [0,1]) selects. */
    double snap(double u);

    /** The number of distinct configurations along this coordinate, or 0 when continuous. */
    int levels();
}
