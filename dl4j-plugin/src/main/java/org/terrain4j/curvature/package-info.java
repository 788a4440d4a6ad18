/**
 * Curvature numerics against an abstract symmetric operator (a Hessian seen only through
 * Hessian-vector products): Lanczos for extreme eigenpairs, power iteration as a fallback,
 * Hutchinson's trace estimator and stochastic Lanczos quadrature for a spectral density. Unit
 * tests drive them with explicit matrices; the DL4J Hessian-vector product lives in the
 * listeners module.
 */
package org.terrain4j.curvature;
