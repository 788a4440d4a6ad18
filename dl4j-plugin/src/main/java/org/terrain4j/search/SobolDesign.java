package org.terrain4j.search;

import java.util.SplittableRandom;
import org.hipparchus.random.SobolSequenceGenerator;

/**
 * A seeded space-filling start: point {@code i} of the Sobol sequence (Joe and Kuo direction
 * numbers, as Hipparchus ships them) shifted by one random vector modulo 1 (a Cranley-Patterson
 * rotation), so different seeds give different designs with the same even coverage. It
 * proposes design point number {@code history.size()}.
 */
public final class SobolDesign implements Sampler {

    private final int dimension;
    private final double[] shift;

    /** A design for {@code dimension} coordinates whose rotation is drawn from {@code seed}. */
    public SobolDesign(int dimension, long seed) {
        this.dimension = dimension;
        SplittableRandom random = new SplittableRandom(seed);
        this.shift = new double[dimension];
        for (int i = 0; i < dimension; i++) {
            shift[i] = random.nextDouble();
        }
    }

    /** Point number {@code index} of the design. */
    public double[] point(int index) {
        double[] p = new SobolSequenceGenerator(dimension).skipTo(index);
        for (int i = 0; i < dimension; i++) {
            double v = p[i] + shift[i];
            p[i] = v - Math.floor(v);
        }
        return p;
    }

    @Override
    public double[] propose(SearchHistory history, SplittableRandom random) {
        return point(history.size());
    }
}
