/**
 * Arbiter searches that train with Terrain: {@link org.terrain4j.arbiter.TerrainTrialSpace}
 * adds Terrain's learning-rate policy ({@link org.terrain4j.arbiter.TerrainPolicySpace}) and the
 * mini-batch size to a {@code MultiLayerSpace} or {@code ComputationGraphSpace}, and
 * {@link org.terrain4j.arbiter.TerrainTaskCreator} trains each candidate with the schedule and a
 * {@code TerrainListener} configured from it, feeding the batch size to the data source.
 */
package org.terrain4j.arbiter;
