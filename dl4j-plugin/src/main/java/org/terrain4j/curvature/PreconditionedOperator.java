package org.terrain4j.curvature;

/**
 * {@code D^1/2 H D^1/2} for a Hessian {@code H} and a positive diagonal {@code D = P^-1}, the
 * symmetric form of an adaptive updater's preconditioned Hessian {@code P^-1 H}: the two share
 * their eigenvalues ({@code P^-1 H = D^1/2 (D^1/2 H D^1/2) D^-1/2}), so Lanczos on this operator
 * gives the sharpness that decides the updater's stability. Sylvester's law of inertia keeps the
 * signs: negative curvature of {@code H} stays negative here.
 */
public final class PreconditionedOperator implements SymmetricOperator {

    private final SymmetricOperator hessian;
    private final double[] root;
    private final double[] scaled;

    /**
     * @param hessian the Hessian
     * @param diagonal {@code D}, one non-negative entry per parameter (0 for a parameter the updater never moves)
     */
    public PreconditionedOperator(SymmetricOperator hessian, double[] diagonal) {
        if (diagonal.length != hessian.dimension()) {
            throw new IllegalArgumentException("the preconditioner has " + diagonal.length + " entries for "
                    + hessian.dimension() + " parameters");
        }
        this.hessian = hessian;
        this.root = new double[diagonal.length];
        for (int i = 0; i < diagonal.length; i++) {
            if (!(diagonal[i] >= 0) || Double.isInfinite(diagonal[i])) {
                throw new IllegalArgumentException("preconditioner entry " + i + " must be finite and non-negative, got "
                        + diagonal[i]);
            }
            root[i] = Math.sqrt(diagonal[i]);
        }
        this.scaled = new double[diagonal.length];
    }

    @Override
    public int dimension() {
        return root.length;
    }

    @Override
    public void apply(double[] v, double[] out) {
        for (int i = 0; i < root.length; i++) {
            scaled[i] = root[i] * v[i];
        }
        hessian.apply(scaled, out);
        for (int i = 0; i < root.length; i++) {
            out[i] *= root[i];
        }
    }

    /**
     * The direction in parameter space that an eigenvector {@code u} of this operator stands for,
     * {@code D^1/2 u}, as a unit vector: where {@code u} has negative curvature here, so has it under {@code H}.
     */
    public double[] parameterDirection(double[] u) {
        double[] w = new double[u.length];
        double norm = 0;
        for (int i = 0; i < u.length; i++) {
            w[i] = root[i] * u[i];
            norm += w[i] * w[i];
        }
        norm = Math.sqrt(norm);
        for (int i = 0; i < w.length; i++) {
            w[i] = norm == 0 ? 0 : w[i] / norm;
        }
        return w;
    }
}
