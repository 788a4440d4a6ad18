package org.terrain4j.control;

/** Whether the monitored quantity should go down (a loss) or up (an accuracy). */
public enum Mode {
    /** Lower is better: PyTorch's {@code mode='min'}, Keras's {@code mode='min'}. */
    MIN,
    /** Higher is better: PyTorch's {@code mode='max'}, Keras's {@code mode='max'}. */
    MAX
}
