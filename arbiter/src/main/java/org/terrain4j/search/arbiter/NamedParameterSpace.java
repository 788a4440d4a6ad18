package org.terrain4j.search.arbiter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.arbiter.optimize.api.ParameterSpace;

/**
 * A parameter space whose value is a map from names to the values of named sub-spaces: the
 * composite Arbiter lacks for searches that are not a network configuration (a test
 * function, Terrain's policy knobs, the mini-batch size).
 * <pre>{@code
 * ParameterSpace<Map<String, Object>> space = NamedParameterSpace.builder()
 *         .add("x", new ContinuousParameterSpace(-5, 10))
 *         .add("batch", new DiscreteParameterSpace<>(32, 64, 128))
 *         .build();
 * }</pre>
 */
@SuppressWarnings("rawtypes")
public final class NamedParameterSpace implements ParameterSpace<Map<String, Object>> {

    private final Map<String, ParameterSpace<?>> spaces;

    private NamedParameterSpace(Map<String, ParameterSpace<?>> spaces) {
        this.spaces = Collections.unmodifiableMap(new LinkedHashMap<>(spaces));
    }

    /** An empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Map<String, Object> getValue(double[] parameterValues) {
        Map<String, Object> values = new LinkedHashMap<>();
        spaces.forEach((name, space) -> values.put(name, space.getValue(parameterValues)));
        return values;
    }

    @Override
    public int numParameters() {
        return collectLeaves().stream().mapToInt(ParameterSpace::numParameters).sum();
    }

    @Override
    public List<ParameterSpace> collectLeaves() {
        List<ParameterSpace> leaves = new ArrayList<>();
        for (ParameterSpace<?> space : spaces.values()) {
            leaves.addAll(space.collectLeaves());
        }
        return leaves;
    }

    @Override
    public Map<String, ParameterSpace> getNestedSpaces() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(spaces));
    }

    @Override
    public boolean isLeaf() {
        return false;
    }

    @Override
    public void setIndices(int... indices) {
        throw new UnsupportedOperationException("NamedParameterSpace is not a leaf; its leaves get the indices");
    }

    @Override
    public String toString() {
        return "NamedParameterSpace" + spaces;
    }

    /** Collects named sub-spaces in order. */
    public static final class Builder {
        private final Map<String, ParameterSpace<?>> spaces = new LinkedHashMap<>();

        private Builder() {
        }

        /** Adds a sub-space; names are unique. */
        public Builder add(String name, ParameterSpace<?> space) {
            if (spaces.containsKey(name)) {
                throw new IllegalArgumentException("the name '" + name + "' is used twice");
            }
            spaces.put(name, java.util.Objects.requireNonNull(space, name));
            return this;
        }

        /** The space. */
        public NamedParameterSpace build() {
            return new NamedParameterSpace(spaces);
        }
    }
}
