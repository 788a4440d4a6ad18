package org.terrain4j.schedule;

/** The half-cosine shared by {@link CosineSchedule} and {@link CosineWarmRestartsSchedule}. */
final class CosineAnnealing {

    private CosineAnnealing() {
    }

    /**
     * {@code floor + (initial - floor) * (1 + cos(pi * position / length)) / 2}, in PyTorch's
     * order of operations (its closed forms are matched to 1e-12).
     */
    static double value(double initial, double floor, double position, double length) {
        return floor + (initial - floor) * (1 + Math.cos(Math.PI * position / length)) / 2;
    }

    /** Validates an initial value and a floor below it, naming the bad one. */
    static void requireRange(double initial, double floor) {
        TerrainSchedule.requireRate("initial", initial);
        TerrainSchedule.requireRate("floor", floor);
        if (floor > initial) {
            throw new IllegalArgumentException("floor " + floor + " is above initial " + initial);
        }
    }
}
