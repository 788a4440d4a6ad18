package org.terrain4j.search.space;

import java.util.Arrays;

/**
 * A coordinate split into buckets: bucket {@code j} covers {@code (edge[j-1], edge[j]]}
 * (the first starts at 0, the last edge is 1), and every value in a bucket selects the same
 * configuration. {@link #snap} returns the bucket's centre. {@code categorical} says whether
 * the order of the buckets means anything (integers: yes; unordered choices: no), which the
 * tree-structured Parzen estimator uses.
 *
 * @param upperEdges increasing upper edges of the buckets, the last one 1
 * @param categorical whether the buckets are unordered choices
 */
public record DiscreteDimension(double[] upperEdges, boolean categorical) implements Dimension {

    /** Validates and copies the edges. */
    public DiscreteDimension {
        if (upperEdges.length < 1) {
            throw new IllegalArgumentException("a discrete dimension needs at least one bucket");
        }
        upperEdges = upperEdges.clone();
        double previous = 0;
        for (int j = 0; j < upperEdges.length; j++) {
            if (!(upperEdges[j] > previous) && !(j == 0 && upperEdges.length == 1)) {
                throw new IllegalArgumentException("bucket edges must increase from 0 to 1, got "
                        + Arrays.toString(upperEdges));
            }
            previous = upperEdges[j];
        }
        if (upperEdges[upperEdges.length - 1] != 1) {
            throw new IllegalArgumentException("the last bucket edge must be 1, got "
                    + Arrays.toString(upperEdges));
        }
    }

    /** {@code levels} equal buckets: {@code (j/levels, (j+1)/levels]}. */
    public static DiscreteDimension equalBuckets(int levels, boolean categorical) {
        if (levels < 1) {
            throw new IllegalArgumentException("levels must be at least 1, got " + levels);
        }
        double[] edges = new double[levels];
        for (int j = 0; j < levels; j++) {
            edges[j] = j == levels - 1 ? 1 : (j + 1) / (double) levels;
        }
        return new DiscreteDimension(edges, categorical);
    }

    @Override
    public double snap(double u) {
        return centre(level(u));
    }

    @Override
    public int levels() {
        return upperEdges.length;
    }

    /** The bucket that {@code u} falls in, 0-based. */
    public int level(double u) {
        for (int j = 0; j < upperEdges.length - 1; j++) {
            if (u <= upperEdges[j]) {
                return j;
            }
        }
        return upperEdges.length - 1;
    }

    /** The centre of bucket {@code level}. */
    public double centre(int level) {
        double lower = level == 0 ? 0 : upperEdges[level - 1];
        return (lower + upperEdges[level]) / 2;
    }

    @Override
    public double[] upperEdges() {
        return upperEdges.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DiscreteDimension d && d.categorical == categorical
                && Arrays.equals(d.upperEdges, upperEdges);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(upperEdges) + Boolean.hashCode(categorical);
    }

    @Override
    public String toString() {
        return (categorical ? "Categorical" : "Ordinal") + "(" + upperEdges.length + " levels)";
    }
}
