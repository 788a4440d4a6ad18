package org.terrain4j.search.tpe;

/**
 * Settings of the TPE sampler; {@link #OPTUNA_DEFAULTS} are those of Optuna 3.1's
 * {@code TPESampler()} except {@code constantLiar}, which is on here because Arbiter runners
 * evaluate several candidates at once.
 *
 * @param startupTrials complete trials before the model is used (random until then), at least 1
 * @param eiCandidates candidates drawn from the good density per proposal, at least 1
 * @param priorWeight weight of the prior component (uniform-ish over the range), greater than 0
 * @param magicClip whether bandwidths are clipped below at {@code range / min(100, 1 + n)}
 * @param constantLiar whether pending trials count as the worst observations
 */
public record TpeOptions(int startupTrials, int eiCandidates, double priorWeight, boolean magicClip,
        boolean constantLiar) {

    /** Optuna 3.1's defaults, with the constant liar on. */
    public static final TpeOptions OPTUNA_DEFAULTS = new TpeOptions(10, 24, 1.0, true, true);

    /** Validates. */
    public TpeOptions {
        if (startupTrials < 1) {
            throw new IllegalArgumentException("startupTrials must be >= 1, got " + startupTrials);
        }
        if (eiCandidates < 1) {
            throw new IllegalArgumentException("eiCandidates must be >= 1, got " + eiCandidates);
        }
        if (!(priorWeight > 0) || Double.isInfinite(priorWeight)) {
            throw new IllegalArgumentException("priorWeight must be finite and > 0, got " + priorWeight);
        }
    }

    /** The number of "good" trials among {@code n}: Optuna's {@code min(ceil(0.1 n), 25)}. */
    public static int goodCount(int n) {
        return Math.min((int) Math.ceil(0.1 * n), 25);
    }

    /**
     * Optuna's weights of {@code n} observations in chronological order: all 1 up to 25, beyond
     * that a linear ramp from {@code 1/n} for the oldest {@code n - 25} and 1 for the newest 25.
     */
    public static double[] observationWeights(int n) {
        double[] w = new double[n];
        if (n < 25) {
            java.util.Arrays.fill(w, 1);
            return w;
        }
        int ramp = n - 25;
        for (int k = 0; k < ramp; k++) {
            w[k] = ramp == 1 ? 1.0 / n : 1.0 / n + (1 - 1.0 / n) * k / (ramp - 1);
        }
        for (int k = ramp; k < n; k++) {
            w[k] = 1;
        }
        return w;
    }
}
