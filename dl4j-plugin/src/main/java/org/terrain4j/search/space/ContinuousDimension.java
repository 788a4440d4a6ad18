package org.terrain4j.search.space;

/** A coordinate where every value in [0,1] is its own configuration (a real-valued parameter). */
public record ContinuousDimension() implements Dimension {

    @Override
    public double snap(double u) {
        return Math.min(1, Math.max(0, u));
    }

    @Override
    public int levels() {
        return 0;
    }
}
