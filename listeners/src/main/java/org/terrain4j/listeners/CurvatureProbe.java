package org.terrain4j.listeners;

import java.util.Random;
import org.deeplearning4j.nn.api.Model;
import org.nd4j.linalg.dataset.DataSet;
import org.terrain4j.curvature.HutchinsonTrace;
import org.terrain4j.curvature.Lanczos;
import org.terrain4j.curvature.LanczosResult;
import org.terrain4j.probe.NetworkHessian;
import org.terrain4j.curvature.PreconditionedOperator;
import org.terrain4j.probe.ProbedNetwork;
import org.terrain4j.curvature.RandomVectors;
import org.terrain4j.curvature.SymmetricOperator;
import org.terrain4j.terrain.CurvatureSnapshot;

/**
 * One curvature probe of the listener: Lanczos on the Hessian of the batch just trained (copied,
 * so training's arrays are never touched; the previous probe's batch when that one is not
 * finite), with products in the options' {@link org.terrain4j.probe.ProductPrecision}, after an optional symmetry check, and a trace estimate from the products already
 * made (the symmetry check's two Gaussian vectors and the Lanczos start: three Hutchinson
 * samples, a rough figure with its standard error, for the record; no decision uses it). Any failure becomes
 * an inconclusive snapshot with its reason: a probe never stops training.
 */
final class CurvatureProbe {

    private final CurvatureOptions options;
    private final long seed;
    private long probes;
    private Random random;
    private DataSet lastBatch;
    private double[] lastSmallestVector;
    private ProbedNetwork probed;

    CurvatureProbe(CurvatureOptions options, long seed) {
        this.options = options;
        this.seed = seed;
    }

    /**
     * Probes the network at its current parameters on the mini-batch it just trained on.
     *
     * @param preconditioner null for the Hessian {@code H}, or an updater's diagonal {@code D = P^-1}
     *                       for its preconditioned Hessian ({@link PreconditionedOperator})
     */
    CurvatureSnapshot run(Model model, double[] preconditioner) {
        long start = System.nanoTime();
        DataSet batch = NetworkHessian.lastBatch(model).filter(CurvatureProbe::finite).orElse(lastBatch);
        if (batch == null) {
            return CurvatureSnapshot.inconclusive("no probe batch: the network holds no single, finite input and "
                    + "label array from its last iteration", 0, 0);
        }
        org.nd4j.linalg.api.buffer.DataType type = model.params().dataType();
        if (batch.getFeatures().dataType() != type) { // a batch restored from a checkpoint
            batch = new DataSet(batch.getFeatures().castTo(type), batch.getLabels().castTo(type));
        }
        lastBatch = batch;
        lastSmallestVector = null;
        // One generator per probe, from the seed and the probe's number: a resumed run that
        // restores the count draws the same vectors as the run it continues.
        random = new Random(seed * 0x9E3779B97F4A7C15L + probes++);
        try {
            return probedNetwork(model).probe(batch, hessian -> measure(preconditioner == null ? hessian
                    : new PreconditionedOperator(hessian, preconditioner), start));
        } catch (RuntimeException e) {
            return CurvatureSnapshot.inconclusive("probe failed: " + e, 0, millisSince(start));
        }
    }

    /** The network to probe at the options' precision: made once, kept for the next probes. */
    private ProbedNetwork probedNetwork(Model model) {
        if (probed == null || probed.model() != model) {
            probed = new ProbedNetwork(model, options.precision());
        }
        return probed;
    }

    private CurvatureSnapshot measure(SymmetricOperator hessian, long start) {
        int products = 0;
        double[] traceSamples = new double[0];
        if (options.symmetryTolerance() > 0) {
            SymmetryCheck check = checkSymmetry(hessian);
            products += 2;
            if (!(check.asymmetry() <= options.symmetryTolerance())) {
                return CurvatureSnapshot.inconclusive(String.format(java.util.Locale.ROOT,
                        "the Hessian-vector products are not symmetric (relative asymmetry %.3g)", check.asymmetry()),
                        products, millisSince(start));
            }
            traceSamples = check.traceSamples();
        }
        LanczosResult result = new Lanczos(options.lanczosSteps(), 1e-10).run(hessian, random);
        products += result.products();
        if (!Double.isFinite(result.smallest()) || !Double.isFinite(result.largest())) {
            return CurvatureSnapshot.inconclusive("the loss or its gradient is not finite on the probe batch",
                    products, millisSince(start));
        }
        lastSmallestVector = hessian instanceof PreconditionedOperator preconditioned
                ? preconditioned.parameterDirection(result.smallestVector()) : result.smallestVector();
        double[] samples = java.util.Arrays.copyOf(traceSamples, traceSamples.length + 1);
        samples[traceSamples.length] = hessian.dimension() * result.startRayleighQuotient();
        HutchinsonTrace.TraceEstimate trace = HutchinsonTrace.fromSamples(samples);
        return new CurvatureSnapshot(result.smallest(), result.largest(), trace.trace(), trace.standardError(), products,
                millisSince(start), null, result.ritzValues(), result.firstComponentsSquared());
    }

    /**
     * Whether a batch's features and labels are finite: the batch of a diverged iteration (a NaN
     * input, say) would make every product NaN, so the probe after a rollback falls back on the
     * previous probe's batch.
     */
    static boolean finite(DataSet batch) {
        return Double.isFinite(batch.getFeatures().sumNumber().doubleValue())
                && Double.isFinite(batch.getLabels().sumNumber().doubleValue());
    }

    /** Probes run so far (each draws its own random vectors). */
    long probes() {
        return probes;
    }

    /** Continues the count of probes of a saved run. */
    void restoreProbes(long count) {
        probes = count;
    }

    /** Takes back a saved run's last probe batch (float64; cast to the network's type when used). */
    void restoreLastBatch(DataSet batch) {
        lastBatch = batch;
    }

    /** The last probe's batch, or null. */
    DataSet lastBatch() {
        return lastBatch;
    }

    /** The Ritz vector of the last conclusive probe's lambda_min, or null. */
    double[] lastSmallestVector() {
        return lastSmallestVector;
    }

    /**
     * The symmetry check's outcome: the relative asymmetry, and {@code u.Hu}, {@code v.Hv} of its
     * Gaussian vectors, two Hutchinson samples of the trace at no extra product.
     */
    private record SymmetryCheck(double asymmetry, double[] traceSamples) {
    }

    /** |u.Hv - v.Hu| / (|u| |Hv| + |v| |Hu|) for random u, v: 0 for an exactly symmetric operator. */
    private SymmetryCheck checkSymmetry(SymmetricOperator hessian) {
        int n = hessian.dimension();
        double[] u = RandomVectors.gaussian(n, random);
        double[] v = RandomVectors.gaussian(n, random);
        double[] hu = new double[n];
        double[] hv = new double[n];
        hessian.apply(u, hu);
        hessian.apply(v, hv);
        double uhv = 0;
        double vhu = 0;
        double uhu = 0;
        double vhv = 0;
        double nu = 0;
        double nv = 0;
        double nhu = 0;
        double nhv = 0;
        for (int i = 0; i < n; i++) {
            uhv += u[i] * hv[i];
            vhu += v[i] * hu[i];
            uhu += u[i] * hu[i];
            vhv += v[i] * hv[i];
            nu += u[i] * u[i];
            nv += v[i] * v[i];
            nhu += hu[i] * hu[i];
            nhv += hv[i] * hv[i];
        }
        double scale = Math.sqrt(nu * nhv) + Math.sqrt(nv * nhu);
        return new SymmetryCheck(scale == 0 ? 0 : Math.abs(uhv - vhu) / scale, new double[] {uhu, vhv});
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
