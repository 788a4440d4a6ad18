package org.terrain4j.search.arbiter;

import java.util.ArrayList;
import java.util.List;
import java.lang.reflect.Field;
import java.util.Optional;
import org.deeplearning4j.arbiter.optimize.api.ParameterSpace;
import org.deeplearning4j.arbiter.optimize.parameter.BooleanSpace;
import org.deeplearning4j.arbiter.optimize.parameter.discrete.DiscreteParameterSpace;
import org.deeplearning4j.arbiter.optimize.parameter.integer.IntegerParameterSpace;
import org.deeplearning4j.arbiter.util.LeafUtils;
import org.terrain4j.search.space.ContinuousDimension;
import org.terrain4j.search.space.Dimension;
import org.terrain4j.search.space.DiscreteDimension;
import org.terrain4j.search.space.SearchSpace;

/**
 * Reads an Arbiter parameter space into a {@link SearchSpace}. Numbers the distinct leaves as
 * Arbiter's own generators do (first occurrence order, shared leaves once) and maps each:
 * {@code IntegerParameterSpace} to ordinal levels whose buckets are where its {@code getValue}
 * returns each integer, {@code DiscreteParameterSpace} to equal
 * categorical buckets, {@code BooleanSpace} to two categories split at 0.5, anything else
 * (continuous spaces, custom leaves) to continuous coordinates. Fixed values take no coordinate.
 */
public final class ArbiterSpaces {

    private static final int MAX_LEVELS = 4096;

    private ArbiterSpaces() {
    }

    /**
     * Assigns indices to the leaves of {@code parameterSpace} and returns the space they span.
     *
     * @throws IllegalArgumentException if nothing is left to search (every value fixed)
     */
    @SuppressWarnings("rawtypes")
    public static SearchSpace index(ParameterSpace<?> parameterSpace) {
        List<ParameterSpace> leaves = LeafUtils.getUniqueObjects(parameterSpace.collectLeaves());
        List<Dimension> dimensions = new ArrayList<>();
        for (ParameterSpace leaf : leaves) {
            int np = leaf.numParameters();
            if (np == 0) {
                continue;
            }
            int[] indices = new int[np];
            for (int j = 0; j < np; j++) {
                indices[j] = dimensions.size();
                dimensions.add(new ContinuousDimension());
            }
            leaf.setIndices(indices);
            if (np == 1) {
                dimensions.set(indices[0], dimensionOf(leaf, indices[0]));
            }
        }
        if (dimensions.isEmpty()) {
            throw new IllegalArgumentException("the parameter space " + parameterSpace.getClass().getSimpleName()
                    + " has nothing to search: every value is fixed. Give at least one hyperparameter a range"
                    + " (e.g. ContinuousParameterSpace, IntegerParameterSpace, DiscreteParameterSpace).");
        }
        return new SearchSpace(dimensions);
    }

    @SuppressWarnings("rawtypes")
    private static Dimension dimensionOf(ParameterSpace leaf, int index) {
        if (leaf instanceof IntegerParameterSpace integers) {
            return integerLevels(integers, index);
        }
        if (leaf instanceof DiscreteParameterSpace<?> discrete) {
            return discreteValueCount(discrete).<Dimension>map(n -> DiscreteDimension.equalBuckets(n, true))
                    .orElseGet(ContinuousDimension::new);
        }
        if (leaf instanceof BooleanSpace) {
            return DiscreteDimension.equalBuckets(2, true);
        }
        return new ContinuousDimension();
    }

    /**
     * Levels min..max; the upper edge of each level's bucket is found by bisecting the leaf's
     * own {@code getValue} (monotone in u), so any integer distribution maps exactly. Ranges
     * wider than {@value #MAX_LEVELS} levels are searched as continuous coordinates.
     */
    private static Dimension integerLevels(IntegerParameterSpace space, int index) {
        long levels = (long) space.getMax() - space.getMin() + 1;
        if (levels > MAX_LEVELS) {
            return new ContinuousDimension();
        }
        double[] probe = new double[index + 1];
        List<Double> edges = new ArrayList<>();
        for (int k = space.getMin(); k < space.getMax(); k++) {
            double lo = edges.isEmpty() ? 0 : edges.get(edges.size() - 1);
            double hi = 1;
            for (int step = 0; step < 52; step++) {
                double mid = (lo + hi) / 2;
                probe[index] = mid;
                if (space.getValue(probe) <= k) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            if (lo > (edges.isEmpty() ? 0 : edges.get(edges.size() - 1))) {
                edges.add(lo);
            }
        }
        edges.add(1.0);
        return new DiscreteDimension(edges.stream().mapToDouble(Double::doubleValue).toArray(), false);
    }

    /** Arbiter's DiscreteParameterSpace keeps its values private and has no getter. */
    private static Optional<Integer> discreteValueCount(DiscreteParameterSpace<?> space) {
        try {
            Field values = DiscreteParameterSpace.class.getDeclaredField("values");
            values.setAccessible(true);
            return Optional.of(((List<?>) values.get(space)).size());
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
