package org.terrain4j.arbiter;

import org.deeplearning4j.arbiter.DL4JConfiguration;
import org.deeplearning4j.arbiter.GraphConfiguration;

/**
 * One candidate of a Terrain search: a network configuration (Arbiter's
 * {@link DL4JConfiguration} or {@link GraphConfiguration}, with its epochs), the learning-rate
 * policy and the mini-batch size.
 *
 * @param network the network and its epoch count, as Arbiter's spaces produce them
 * @param policy the learning-rate policy
 * @param batchSize the mini-batch size, at least 1
 */
public record TerrainTrial(Object network, TerrainPolicy policy, int batchSize) implements java.io.Serializable {

    /** Validates. */
    public TerrainTrial {
        if (!(network instanceof DL4JConfiguration) && !(network instanceof GraphConfiguration)) {
            throw new IllegalArgumentException("network must be a DL4JConfiguration (MultiLayerSpace) or a"
                    + " GraphConfiguration (ComputationGraphSpace), got "
                    + (network == null ? "null" : network.getClass().getName()));
        }
        java.util.Objects.requireNonNull(policy, "policy");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        }
    }

    /** The number of epochs the network space asks for. */
    public int epochs() {
        Integer epochs = network instanceof DL4JConfiguration d ? d.getNumEpochs()
                : ((GraphConfiguration) network).getNumEpochs();
        if (epochs == null || epochs < 1) {
            throw new IllegalArgumentException("the network space sets no epoch count: call numEpochs(n) on the"
                    + " MultiLayerSpace or ComputationGraphSpace builder");
        }
        return epochs;
    }
}
