/**
 * DL4J {@link org.deeplearning4j.optimize.api.TrainingListener}s that wire Terrain's core into
 * {@code fit()}: {@link org.terrain4j.listeners.TerrainListener} reads gradient statistics,
 * names the terrain and controls the learning rate. The adapters here stay thin: every
 * decision is made by the pure classes of {@code terrain-core}.
 */
package org.terrain4j.listeners;
