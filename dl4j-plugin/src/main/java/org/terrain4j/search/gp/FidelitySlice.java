package org.terrain4j.search.gp;

/**
 * A Gaussian process over (configuration, fidelity), seen at one fidelity: a posterior over the
 * configurations alone, the fidelity being the model's last coordinate. What a multi-fidelity
 * sampler maximizes its acquisition over ({@link MultiFidelityGpSampler}).
 */
final class FidelitySlice implements Posterior {

    private final GaussianProcess joint;
    private final double fidelity;

    /** {@code joint} at {@code fidelity} (a unit coordinate: 1 is the largest budget). */
    FidelitySlice(GaussianProcess joint, double fidelity) {
        this.joint = joint;
        this.fidelity = fidelity;
    }

    @Override
    public int dimension() {
        return joint.dimension() - 1;
    }

    @Override
    public void predict(double[] point, double[] out) {
        joint.predict(atFidelity(point), out);
    }

    @Override
    public void predict(double[][] points, double[] means, double[] variances) {
        double[][] augmented = new double[points.length][];
        for (int i = 0; i < points.length; i++) {
            augmented[i] = atFidelity(points[i]);
        }
        joint.predict(augmented, means, variances);
    }

    @Override
    public double mean(double[] point) {
        return joint.mean(atFidelity(point));
    }

    private double[] atFidelity(double[] point) {
        double[] augmented = java.util.Arrays.copyOf(point, point.length + 1);
        augmented[point.length] = fidelity;
        return augmented;
    }
}
