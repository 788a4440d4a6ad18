package org.terrain4j.arbiter;

import java.util.List;
import java.util.Map;
import org.deeplearning4j.arbiter.optimize.api.ParameterSpace;
import org.deeplearning4j.arbiter.optimize.parameter.FixedValue;
import org.terrain4j.search.arbiter.NamedParameterSpace;

/**
 * A network space ({@code MultiLayerSpace} or {@code ComputationGraphSpace}) together with
 * Terrain's policy space and a mini-batch size space: the space of a Terrain search, trained
 * by {@link TerrainTaskCreator}.
 * <pre>{@code
 * TerrainTrialSpace space = new TerrainTrialSpace(multiLayerSpace, policySpace,
 *         new DiscreteParameterSpace<>(16, 32, 64, 128));
 * }</pre>
 */
@SuppressWarnings("rawtypes")
public final class TerrainTrialSpace implements ParameterSpace<TerrainTrial> {

    private final NamedParameterSpace parts;

    /**
     * @param network a {@code MultiLayerSpace} or {@code ComputationGraphSpace} with its epoch count
     * @param policy the learning-rate policy space ({@code TerrainPolicySpace.builder().build()} for the defaults)
     * @param batchSize the mini-batch size space ({@code new FixedValue<>(32)} to keep it fixed)
     */
    public TerrainTrialSpace(ParameterSpace<?> network, TerrainPolicySpace policy, ParameterSpace<Integer> batchSize) {
        this.parts = NamedParameterSpace.builder().add("network", network).add("policy", policy)
                .add("batchSize", batchSize).build();
    }

    /** A space with Terrain's default policy and a fixed batch size. */
    public static TerrainTrialSpace withDefaults(ParameterSpace<?> network, int batchSize) {
        return new TerrainTrialSpace(network, TerrainPolicySpace.builder().build(), new FixedValue<>(batchSize));
    }

    @Override
    public TerrainTrial getValue(double[] parameterValues) {
        Map<String, Object> v = parts.getValue(parameterValues);
        return new TerrainTrial(v.get("network"), (TerrainPolicy) v.get("policy"), ((Number) v.get("batchSize")).intValue());
    }

    @Override
    public int numParameters() {
        return parts.numParameters();
    }

    @Override
    public List<ParameterSpace> collectLeaves() {
        return parts.collectLeaves();
    }

    @Override
    public Map<String, ParameterSpace> getNestedSpaces() {
        return parts.getNestedSpaces();
    }

    @Override
    public boolean isLeaf() {
        return false;
    }

    @Override
    public void setIndices(int... indices) {
        throw new UnsupportedOperationException("TerrainTrialSpace is not a leaf; its parts get the indices");
    }
}
