/**
 * Hessian-vector products of a DL4J network's loss on a probe batch
 * ({@link org.terrain4j.probe.NetworkHessian}), for the curvature numerics of
 * {@code terrain-core}.
 */
package org.terrain4j.probe;
