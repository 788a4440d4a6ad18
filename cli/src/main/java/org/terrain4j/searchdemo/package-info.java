/**
 * The {@code terrain search} example: an Arbiter search on a demo network (digits, Fashion-MNIST or iris) over the learning
 * rate, Terrain's schedule family, the mini-batch size and the hidden width, with Arbiter's
 * random search or Terrain's Bayesian or TPE generator, trained through Terrain's task creator.
 */
package org.terrain4j.searchdemo;
