package org.terrain4j.curvature;

import java.util.Random;

/**
 * Stochastic Lanczos quadrature (Ubaru, Chen and Saad 2017; Ghorbani, Krishnan and Xiao 2019 for
 * neural-network Hessians): several Lanczos runs from random starts give Gaussian quadrature
 * nodes (Ritz values) and weights (squared first eigenvector components); their average,
 * smoothed by a Gaussian kernel of width {@code sigma}, estimates the eigenvalue density.
 *
 * @param grid evaluation points, ascending
 * @param density estimated density at each point (integrates to about 1)
 * @param products operator products spent
 */
public record SpectralDensity(double[] grid, double[] density, int products) {

    /**
     * Estimates the density.
     *
     * @param operator the operator
     * @param runs Lanczos runs from random starts, at least 1
     * @param lanczos the Lanczos settings of each run
     * @param points grid points, at least 2, spread over the Ritz values with a margin of 3 sigma
     * @param sigma kernel width relative to the spectrum's span, positive (e.g. 0.01)
     * @param random source of the start vectors
     */
    public static SpectralDensity estimate(SymmetricOperator operator, int runs, Lanczos lanczos, int points,
                                           double sigma, Random random) {
        if (runs < 1 || points < 2 || !(sigma > 0)) {
            throw new IllegalArgumentException("need runs >= 1, points >= 2 and sigma > 0, got " + runs + ", "
                    + points + ", " + sigma);
        }
        double[][] nodes = new double[runs][];
        double[][] weights = new double[runs][];
        int products = 0;
        for (int r = 0; r < runs; r++) {
            LanczosResult result = lanczos.run(operator, random);
            nodes[r] = result.ritzValues();
            weights[r] = result.firstComponentsSquared();
            products += result.products();
        }
        SpectralDensity smoothed = fromQuadrature(nodes, weights, points, sigma);
        return new SpectralDensity(smoothed.grid(), smoothed.density(), products);
    }

    /**
     * The density from Lanczos runs already made: the mean over runs of their nodes' weights,
     * each spread by a Gaussian of width {@code sigma} times the span of all nodes.
     *
     * @param nodes each run's Ritz values
     * @param weights each run's quadrature weights, as many as its nodes
     */
    public static SpectralDensity fromQuadrature(double[][] nodes, double[][] weights, int points, double sigma) {
        if (nodes.length < 1 || nodes.length != weights.length || points < 2 || !(sigma > 0)) {
            throw new IllegalArgumentException("need runs >= 1 with weights for each, points >= 2 and sigma > 0, got "
                    + nodes.length + " runs, " + points + ", " + sigma);
        }
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (double[] run : nodes) {
            for (double node : run) {
                low = Math.min(low, node);
                high = Math.max(high, node);
            }
        }
        double width = sigma * Math.max(high - low, 1e-12);
        double[] grid = new double[points];
        double[] density = new double[points];
        for (int i = 0; i < points; i++) {
            grid[i] = low - 3 * width + (high - low + 6 * width) * i / (points - 1);
            for (int r = 0; r < nodes.length; r++) {
                for (int j = 0; j < nodes[r].length; j++) {
                    double d = (grid[i] - nodes[r][j]) / width;
                    density[i] += weights[r][j] * Math.exp(-d * d / 2) / (width * Math.sqrt(2 * Math.PI) * nodes.length);
                }
            }
        }
        return new SpectralDensity(grid, density, 0);
    }
}
