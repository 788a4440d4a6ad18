/**
 * Arbiter adapters: {@link org.terrain4j.search.arbiter.BayesianSearchGenerator} and
 * {@link org.terrain4j.search.arbiter.TpeSearchGenerator} drop into any
 * {@code OptimizationConfiguration} where {@code RandomSearchGenerator} stood;
 * {@link org.terrain4j.search.arbiter.ArbiterSpaces} reads an Arbiter {@code ParameterSpace}'s
 * leaves into a {@link org.terrain4j.search.space.SearchSpace}; two termination conditions end a
 * search that cannot go on, which Arbiter's runner otherwise waits on forever.
 */
package org.terrain4j.search.arbiter;
