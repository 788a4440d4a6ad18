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
        LanczosResult[] results = new LanczosResult[runs];
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        int products = 0;
        for (int r = 0; r < runs; r++) {
            results[r] = lanczos.run(operator, random);
            low = Math.min(low, results[r].smallest());
            high = Math.max(high, results[r].largest());
            products += results[r].products();
        }
        double width = sigma * Math.max(high - low, 1e-12);
        double[] grid = new double[points];
        double[] density = new double[points];
        for (int i = 0; i < points; i++) {
            grid[i] = low - 3 * width + (high - low + 6 * width) * i / (points - 1);
            for (LanczosResult result : results) {
                for (int j = 0; j < result.ritzValues().length; j++) {
                    double d = (grid[i] - result.ritzValues()[j]) / width;
                    density[i] += result.firstComponentsSquared()[j] * Math.exp(-d * d / 2)
                            / (width * Math.sqrt(2 * Math.PI) * runs);
                }
            }
        }
        return new SpectralDensity(grid, density, products);
    }
}
