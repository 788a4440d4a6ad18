/**
 * Gaussian-process Bayesian optimization (Rasmussen and Williams, Gaussian Processes for
 * Machine Learning, 2006; Snoek, Larochelle and Adams, Practical Bayesian Optimization of
 * Machine Learning Algorithms, 2012): a Matern 5/2 kernel with one length scale per
 * coordinate, hyperparameters fitted by maximizing the marginal likelihood, and acquisition
 * functions maximized over the unit hypercube. The maths ({@link org.terrain4j.search.gp.GaussianProcess},
 * {@link org.terrain4j.search.gp.MarginalLikelihood}) is apart from the sampler that adapts it to
 * trials ({@link org.terrain4j.search.gp.GpSampler}).
 */
package org.terrain4j.search.gp;
