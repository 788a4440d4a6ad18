package org.terrain4j.stats;

/**
 * Non-overlapping batch means of an autocorrelated series, the standard way to estimate the
 * variance of a Markov chain's sample mean (Jones, Haran, Caffo and Neath, JASA 2006): the
 * series is cut into {@code batches} consecutive batches of equal length, and the batch means,
 * nearly independent once a batch is longer than the autocorrelation, are treated as samples.
 *
 * <p>Pure: every method reads the given means and returns a number; nothing is kept.
 */
public final class BatchMeans {

    private BatchMeans() {
    }

    /**
     * The least-squares slope of the batch means against their index, with its standard error
     * ({@code k - 2} degrees of freedom).
     *
     * @param means batch means in time order, at least 3
     * @param count how many of {@code means} to use
     */
    public static Slope slope(double[] means, int count) {
        requireAtLeast(count, 3);
        double centre = (count - 1) / 2.0;
        double mean = mean(means, count);
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < count; i++) {
            double dx = i - centre;
            sxx += dx * dx;
            sxy += dx * (means[i] - mean);
        }
        double slope = sxy / sxx;
        double residual = 0;
        for (int i = 0; i < count; i++) {
            double r = means[i] - mean - slope * (i - centre);
            residual += r * r;
        }
        return new Slope(slope, Math.sqrt(residual / (count - 2) / sxx));
    }

    /**
     * The mean of the batch means with its standard error ({@code k - 1} degrees of freedom).
     *
     * @param means batch means in time order, at least 2
     * @param count how many of {@code means} to use
     */
    public static Level level(double[] means, int count) {
        requireAtLeast(count, 2);
        double mean = mean(means, count);
        double squares = 0;
        for (int i = 0; i < count; i++) {
            squares += (means[i] - mean) * (means[i] - mean);
        }
        return new Level(mean, Math.sqrt(squares / (count - 1) / count), count);
    }

    /**
     * A series' mean level with its standard error.
     *
     * @param mean the mean
     * @param standardError its standard error
     * @param batches the batch means it came from
     */
    public record Level(double mean, double standardError, int batches) {

        /**
         * The t statistic of {@code earlier - this}, levels of two independent stretches: positive
         * when this one is lower.
         */
        public double tBelow(Level earlier) {
            return ratio(earlier.mean - mean,
                    Math.sqrt(standardError * standardError + earlier.standardError * earlier.standardError));
        }
    }

    /**
     * A least-squares slope per batch with its standard error.
     *
     * @param estimate the slope, per batch
     * @param standardError its standard error
     */
    public record Slope(double estimate, double standardError) {

        /** {@code estimate / standardError}; a zero error gives 0 for a zero slope, else an infinity of its sign. */
        public double t() {
            return ratio(estimate, standardError);
        }

        /**
         * The t statistic of {@code this - earlier}, slopes of two independent stretches:
         * positive when this one is flatter (or rises more).
         */
        public double tAgainst(Slope earlier) {
            return ratio(estimate - earlier.estimate,
                    Math.sqrt(standardError * standardError + earlier.standardError * earlier.standardError));
        }
    }

    private static double mean(double[] values, int count) {
        double sum = 0;
        for (int i = 0; i < count; i++) {
            sum += values[i];
        }
        return sum / count;
    }

    private static double ratio(double estimate, double standardError) {
        if (standardError > 0) {
            return estimate / standardError;
        }
        return estimate == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, estimate);
    }

    private static void requireAtLeast(int count, int least) {
        if (count < least) {
            throw new IllegalArgumentException("need at least " + least + " batch means, got " + count);
        }
    }
}
