/**
 * What a sampler searches: a box {@code [0,1]^d} whose coordinates are either continuous or
 * split into buckets (integers, categories, booleans), so that a sampler can snap a point to
 * the configuration that is really evaluated.
 */
package org.terrain4j.search.space;
