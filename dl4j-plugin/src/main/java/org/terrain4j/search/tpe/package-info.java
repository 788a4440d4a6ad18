/**
 * The tree-structured Parzen estimator (Bergstra, Bardenet, Bengio and Kegl, Algorithms for
 * Hyper-Parameter Optimization, NeurIPS 2011), following Optuna 3.1's {@code TPESampler}
 * defaults: independent per coordinate, 10 random start-up trials, the best
 * {@code min(ceil(0.1 n), 25)} trials as "good", 24 candidates drawn from the good density
 * and the one maximizing {@code l(x)/g(x)} chosen, a prior component of weight 1, Optuna's
 * "magic clip" of bandwidths, and its ramp of weights favouring recent trials beyond 25.
 */
package org.terrain4j.search.tpe;
