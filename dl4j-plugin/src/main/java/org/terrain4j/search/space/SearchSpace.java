package org.terrain4j.search.space;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;

/**
 * The unit hypercube a sampler searches, one {@link Dimension} per coordinate.
 *
 * @param dimensions the coordinates, at least one
 */
public record SearchSpace(List<Dimension> dimensions) {

    /** Validates and copies. */
    public SearchSpace {
        dimensions = List.copyOf(dimensions);
        if (dimensions.isEmpty()) {
            throw new IllegalArgumentException("the search space has nothing to search: no free parameters"
                    + " (every value is fixed)");
        }
    }

    /** A space of {@code d} continuous coordinates. */
    public static SearchSpace continuous(int d) {
        return new SearchSpace(java.util.Collections.nCopies(d, new ContinuousDimension()));
    }

    /** The number of coordinates. */
    public int size() {
        return dimensions.size();
    }

    /** The coordinate {@code i}. */
    public Dimension dimension(int i) {
        return dimensions.get(i);
    }

    /** A copy of {@code point} with every coordinate snapped to its configuration's representative. */
    public double[] snap(double[] point) {
        requireSize(point);
        double[] snapped = new double[point.length];
        for (int i = 0; i < point.length; i++) {
            snapped[i] = dimensions.get(i).snap(point[i]);
        }
        return snapped;
    }

    /** The number of distinct configurations when every coordinate is discrete. */
    public OptionalLong finiteSize() {
        long product = 1;
        for (Dimension d : dimensions) {
            if (d.levels() == 0) {
                return OptionalLong.empty();
            }
            product = Math.multiplyExact(product, d.levels());
        }
        return OptionalLong.of(product);
    }

    /** Whether two snapped points select the same configuration. */
    public static boolean sameConfiguration(double[] a, double[] b) {
        return Arrays.equals(a, b);
    }

    private void requireSize(double[] point) {
        if (point.length != dimensions.size()) {
            throw new IllegalArgumentException("point has " + point.length + " coordinates, the space "
                    + dimensions.size());
        }
    }
}
