package org.terrain4j.search;

import java.util.SplittableRandom;

/** Independent uniform draws on [0,1]^d: random search, and the start of the TPE sampler. */
public final class UniformSampler implements Sampler {

    @Override
    public double[] propose(SearchHistory history, SplittableRandom random) {
        double[] p = new double[history.space().size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = random.nextDouble();
        }
        return p;
    }
}
