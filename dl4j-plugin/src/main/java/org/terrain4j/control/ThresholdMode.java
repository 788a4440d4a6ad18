package org.terrain4j.control;

/** How the improvement threshold compares a new value with the best so far. */
public enum ThresholdMode {
    /**
     * Better means beyond {@code best * (1 - threshold)} (MIN) or {@code best * (1 + threshold)}
     * (MAX): PyTorch's {@code threshold_mode='rel'}.
     */
    RELATIVE,
    /**
     * Better means beyond {@code best - threshold} (MIN) or {@code best + threshold} (MAX):
     * PyTorch's {@code threshold_mode='abs'} and Keras's {@code min_delta}.
     */
    ABSOLUTE
}
