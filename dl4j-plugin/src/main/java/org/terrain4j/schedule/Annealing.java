package org.terrain4j.schedule;

/** How {@link OneCycleSchedule} moves between two values within a phase. */
public enum Annealing {
    /** {@code end + (start - end) * (1 + cos(pi * pct)) / 2}: PyTorch's {@code anneal_strategy='cos'}. */
    COSINE {
        @Override
        double between(double start, double end, double pct) {
            return end + (start - end) / 2 * (Math.cos(Math.PI * pct) + 1);
        }
    },
    /** {@code start + (end - start) * pct}: PyTorch's {@code anneal_strategy='linear'}. */
    LINEAR {
        @Override
        double between(double start, double end, double pct) {
            return (end - start) * pct + start;
        }
    };

    abstract double between(double start, double end, double pct);
}
