package org.terrain4j.study.run;

import java.util.Map;
import java.util.StringJoiner;
import org.deeplearning4j.arbiter.BaseNetworkSpace;
import org.deeplearning4j.arbiter.optimize.api.ParameterSpace;
import org.terrain4j.study.store.StudyDefinition;

/**
 * The text a study stores as its space, compared when a search resumes: the root space's type
 * and every leaf (range, distribution, choices) in order. Two searches with the same text
 * propose the same configurations for the same points; a change of range, choices or order
 * makes the text differ. Fixed parts of a network (layer sizes that are not searched) are not
 * in it, except the epochs each trial trains (an Arbiter network space's {@code numEpochs}), at
 * its end ({@link StudyDefinition#EPOCHS}): scores after 2 epochs and after 8 are not one objective.
 */
public final class SpaceDescription {

    private SpaceDescription() {
    }

    /** The description of {@code space}. */
    public static String of(ParameterSpace<?> space) {
        StringJoiner leaves = new StringJoiner("; ", " [", "]");
        for (Object leaf : space.collectLeaves()) {
            leaves.add(((ParameterSpace<?>) leaf).numParameters() == 0 ? "fixed " + leaf : leaf.toString());
        }
        Integer epochs = epochs(space);
        return space.getClass().getName() + leaves + (epochs == null ? "" : StudyDefinition.EPOCHS + epochs);
    }

    /** The epoch count of the first network space in {@code space}, or null when it holds none. */
    private static Integer epochs(ParameterSpace<?> space) {
        if (space instanceof BaseNetworkSpace<?> network) {
            return network.getNumEpochs();
        }
        Map<String, ParameterSpace> nested = space.getNestedSpaces();
        for (ParameterSpace<?> part : nested == null ? java.util.List.<ParameterSpace>of() : nested.values()) {
            Integer epochs = epochs(part);
            if (epochs != null) {
                return epochs;
            }
        }
        return null;
    }
}
