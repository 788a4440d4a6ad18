/**
 * Decisions: when a monitored quantity has stopped improving (plateau detection with the
 * semantics of PyTorch's {@code ReduceLROnPlateau}) and what to do about the terrain
 * ({@link org.terrain4j.control.Action}). Pure: plain numbers in, plain values out.
 */
package org.terrain4j.control;
