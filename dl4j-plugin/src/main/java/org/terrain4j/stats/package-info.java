/**
 * Streaming statistics of training signals: moving averages, windowed moments and the
 * gradient noise scale. Mutable accumulators that take plain numbers; they never see an
 * ND4J array, so unit tests drive them with synthetic sequences.
 */
package org.terrain4j.stats;
