/**
 * Hyperparameter search on the unit hypercube: the search space and its discrete dimensions
 * ({@code space}), the history of trials a sampler learns from, a seeded space-filling start,
 * and two samplers behind one interface ({@link org.terrain4j.search.Sampler}): Gaussian-process
 * Bayesian optimization ({@code gp}) and the tree-structured Parzen estimator ({@code tpe}).
 * Everything here takes and returns plain numbers; {@code arbiter} adapts the samplers to
 * Arbiter's {@code CandidateGenerator}.
 */
package org.terrain4j.search;
