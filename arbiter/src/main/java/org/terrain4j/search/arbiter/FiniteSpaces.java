package org.terrain4j.search.arbiter;

import java.util.Optional;
import org.terrain4j.search.SearchHistory;
import org.terrain4j.search.space.DiscreteDimension;
import org.terrain4j.search.space.SearchSpace;

/** Enumeration of the configurations of an all-discrete space. */
final class FiniteSpaces {

    private FiniteSpaces() {
    }

    /** The first configuration, in lexicographic order of levels, not suggested yet; empty if none or if the space is not finite. */
    static Optional<double[]> firstUnsuggested(SearchSpace space, SearchHistory history) {
        if (space.finiteSize().isEmpty()) {
            return Optional.empty();
        }
        int d = space.size();
        int[] levels = new int[d];
        while (true) {
            double[] point = new double[d];
            for (int i = 0; i < d; i++) {
                point[i] = ((DiscreteDimension) space.dimension(i)).centre(levels[i]);
            }
            if (!history.contains(point)) {
                return Optional.of(point);
            }
            int i = d - 1;
            while (i >= 0 && ++levels[i] == space.dimension(i).levels()) {
                levels[i] = 0;
                i--;
            }
            if (i < 0) {
                return Optional.empty();
            }
        }
    }
}
