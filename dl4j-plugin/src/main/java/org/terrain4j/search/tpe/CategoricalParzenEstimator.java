package org.terrain4j.search.tpe;

import java.util.SplittableRandom;

/**
 * A mixture over {@code c} unordered choices: each observation contributes a component that
 * puts mass 1 on its own choice plus {@code priorWeight / (n + 1)} on every choice (then
 * normalized), and the prior component is uniform (Optuna 3.1's categorical rule).
 */
final class CategoricalParzenEstimator implements ParzenEstimator {

    private final double[][] components;
    private final double[] weights;

    /**
     * @param observations choice indices in chronological order
     * @param choices the number of choices
     */
    CategoricalParzenEstimator(double[] observations, int choices, TpeOptions options) {
        int n = observations.length;
        this.weights = ParzenEstimator.mixtureWeights(n, options.priorWeight());
        this.components = new double[n + 1][choices];
        double base = options.priorWeight() / (n + 1);
        for (int k = 0; k <= n; k++) {
            java.util.Arrays.fill(components[k], base);
            if (k < n) {
                components[k][(int) observations[k]] += 1;
            }
            double sum = 0;
            for (double v : components[k]) {
                sum += v;
            }
            for (int c = 0; c < choices; c++) {
                components[k][c] /= sum;
            }
        }
    }

    @Override
    public double sample(SplittableRandom random) {
        double[] row = components[ParzenEstimator.component(weights, random)];
        return ParzenEstimator.component(row, random);
    }

    @Override
    public double logDensity(double value) {
        int choice = (int) value;
        double mass = 0;
        for (int k = 0; k < components.length; k++) {
            mass += weights[k] * components[k][choice];
        }
        return Math.log(mass);
    }
}
