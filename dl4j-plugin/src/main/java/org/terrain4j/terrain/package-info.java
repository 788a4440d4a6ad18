/**
 * Naming where the optimizer is: {@link org.terrain4j.terrain.Terrain} and the pure
 * {@link org.terrain4j.terrain.TerrainClassifier} that maps a statistics snapshot to it.
 */
package org.terrain4j.terrain;
