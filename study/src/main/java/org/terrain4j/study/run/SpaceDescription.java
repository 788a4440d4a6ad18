package org.terrain4j.study.run;

import java.util.StringJoiner;
import org.deeplearning4j.arbiter.optimize.api.ParameterSpace;

/**
 * The text a study stores as its space, compared when a search resumes: the root space's type
 * and every leaf (range, distribution, choices) in order. Two searches with the same text
 * propose the same configurations for the same points; a change of range, choices or order
 * makes the text differ. Fixed parts of a network (layer sizes that are not searched) are not
 * in it.
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
        return space.getClass().getName() + leaves;
    }
}
