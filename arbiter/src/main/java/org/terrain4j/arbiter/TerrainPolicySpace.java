package org.terrain4j.arbiter;

import java.util.List;
import java.util.Map;
import org.deeplearning4j.arbiter.optimize.api.ParameterSpace;
import org.deeplearning4j.arbiter.optimize.parameter.FixedValue;
import org.terrain4j.search.arbiter.NamedParameterSpace;

/**
 * The search space of Terrain's learning-rate policy. Every knob is fixed at
 * {@link TerrainPolicy#DEFAULTS} unless given a space:
 * <pre>{@code
 * TerrainPolicySpace policy = TerrainPolicySpace.builder()
 *         .schedule(new DiscreteParameterSpace<>(ScheduleFamily.values()))
 *         .decayFactor(new ContinuousParameterSpace(0.1, 0.5))
 *         .build();
 * }</pre>
 */
@SuppressWarnings("rawtypes")
public final class TerrainPolicySpace implements ParameterSpace<TerrainPolicy> {

    private final NamedParameterSpace knobs;

    private TerrainPolicySpace(NamedParameterSpace knobs) {
        this.knobs = knobs;
    }

    /** A builder with every knob fixed at the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public TerrainPolicy getValue(double[] parameterValues) {
        Map<String, Object> v = knobs.getValue(parameterValues);
        return new TerrainPolicy((ScheduleFamily) v.get("schedule"), ((Number) v.get("warmupEpochs")).intValue(),
                ((Number) v.get("decayFactor")).doubleValue(), ((Number) v.get("patience")).intValue());
    }

    @Override
    public int numParameters() {
        return knobs.numParameters();
    }

    @Override
    public List<ParameterSpace> collectLeaves() {
        return knobs.collectLeaves();
    }

    @Override
    public Map<String, ParameterSpace> getNestedSpaces() {
        return knobs.getNestedSpaces();
    }

    @Override
    public boolean isLeaf() {
        return false;
    }

    @Override
    public void setIndices(int... indices) {
        throw new UnsupportedOperationException("TerrainPolicySpace is not a leaf; its knobs get the indices");
    }

    /** Collects the knobs' spaces. */
    public static final class Builder {
        private ParameterSpace<ScheduleFamily> schedule = new FixedValue<>(TerrainPolicy.DEFAULTS.schedule());
        private ParameterSpace<Integer> warmupEpochs = new FixedValue<>(0);
        private ParameterSpace<Double> decayFactor = new FixedValue<>(TerrainPolicy.DEFAULTS.decayFactor());
        private ParameterSpace<Integer> patience = new FixedValue<>(TerrainPolicy.DEFAULTS.patience());

        private Builder() {
        }

        /** The schedule family, e.g. {@code new DiscreteParameterSpace<>(ScheduleFamily.values())}. */
        public Builder schedule(ParameterSpace<ScheduleFamily> space) {
            this.schedule = space;
            return this;
        }

        /** Epochs of linear warmup (not applied to one-cycle, which warms up by itself). */
        public Builder warmupEpochs(ParameterSpace<Integer> space) {
            this.warmupEpochs = space;
            return this;
        }

        /** The listener's decay factor on a plateau. */
        public Builder decayFactor(ParameterSpace<Double> space) {
            this.decayFactor = space;
            return this;
        }

        /**
         * The plateau rule's patience, 0 or more ({@link TerrainPolicy#STATIONARITY_TEST}, the
         * listener's default decision, when fixed at -1, the default).
         */
        public Builder patience(ParameterSpace<Integer> space) {
            this.patience = space;
            return this;
        }

        /** The space. */
        public TerrainPolicySpace build() {
            return new TerrainPolicySpace(NamedParameterSpace.builder().add("schedule", schedule)
                    .add("warmupEpochs", warmupEpochs).add("decayFactor", decayFactor).add("patience", patience).build());
        }
    }
}
