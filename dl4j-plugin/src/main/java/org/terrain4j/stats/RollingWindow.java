package org.terrain4j.stats;

import java.util.Arrays;

/**
 * The last {@code capacity} values of a signal in a ring buffer, with their mean and sample
 * variance. Adding is O(1) and allocation-free; the moments are computed on demand in two
 * passes over the window (exact, no cancellation from running sums).
 */
public final class RollingWindow {

    private final double[] values;
    private int next;
    private int size;

    /** @param capacity how many of the newest values to keep, at least 2 */
    public RollingWindow(int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("window capacity must be at least 2, got " + capacity);
        }
        values = new double[capacity];
    }

    /** Adds a value, dropping the oldest when full. */
    public void add(double x) {
        values[next] = x;
        next = (next + 1) % values.length;
        size = Math.min(size + 1, values.length);
    }

    /** Number of values held, at most the capacity. */
    public int size() {
        return size;
    }

    /** Whether the window holds {@code capacity} values. */
    public boolean isFull() {
        return size == values.length;
    }

    /** Mean of the values held, or NaN when empty. */
    public double mean() {
        if (size == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = 0; i < size; i++) {
            sum += values[i];
        }
        return sum / size;
    }

    /** Unbiased sample variance of the values held, or NaN with fewer than two. */
    public double variance() {
        if (size < 2) {
            return Double.NaN;
        }
        double mean = mean();
        double squares = 0;
        for (int i = 0; i < size; i++) {
            double d = values[i] - mean;
            squares += d * d;
        }
        return squares / (size - 1);
    }

    /** The values held, oldest first, for checkpoints. */
    public double[] toArray() {
        double[] result = new double[size];
        int start = size == values.length ? next : 0;
        for (int i = 0; i < size; i++) {
            result[i] = values[(start + i) % values.length];
        }
        return result;
    }

    /** Replaces the content by the given values, oldest first (only the newest fit). */
    public void restore(double[] oldestFirst) {
        Arrays.fill(values, 0);
        next = 0;
        size = 0;
        for (double x : oldestFirst) {
            add(x);
        }
    }
}
