package org.terrain4j.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.MatrixUtils;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.dataset.DataSet;
import org.terrain4j.curvature.HutchinsonTrace;
import org.terrain4j.curvature.Lanczos;
import org.terrain4j.curvature.LanczosResult;
import org.terrain4j.curvature.NetworkHessian;
import org.terrain4j.curvature.SymmetricOperator;
import org.terrain4j.data.DatasetSplit;
import org.terrain4j.data.Datasets;

/**
 * Accuracy of the curvature probes on the digits data:
 * (1) float32 finite-difference Hessian-vector products against float64 ones on an MLP
 * 64-128-64-10 (17k parameters), relative error over random directions;
 * (2) Lanczos lambda_max and lambda_min after 30 products against the eigenvalues of the dense
 * Hessian of an MLP 64-16-10 (1,210 parameters), assembled from float64 products;
 * (3) Hutchinson's trace with 100 probes against the dense trace.
 * Both networks are trained for one epoch first, so the point is a typical one; each measure is
 * taken with tanh and with ReLU hidden layers (finite differences step across ReLU kinks).
 */
public final class CurvatureAccuracy {

    public static void main(String[] args) {
        DatasetSplit digits = Datasets.digits(1);
        DataSet probe = digits.validation();
        System.out.println("| activation | measure | value | target |");
        System.out.println("|---|---|---|---|");
        for (Activation activation : new Activation[] {Activation.TANH, Activation.RELU}) {
            finiteDifferenceError(digits, probe, activation);
            denseComparison(digits, probe, activation);
        }
    }

    private static MultiLayerNetwork trained(DatasetSplit digits, List<Integer> hidden, Activation activation) {
        org.deeplearning4j.nn.conf.NeuralNetConfiguration.ListBuilder layers =
                new org.deeplearning4j.nn.conf.NeuralNetConfiguration.Builder().seed(1)
                        .updater(new org.nd4j.linalg.learning.config.Nesterovs(0.05, 0.9)).list();
        int width = 64;
        for (int units : hidden) {
            layers.layer(new org.deeplearning4j.nn.conf.layers.DenseLayer.Builder().nIn(width).nOut(units)
                    .activation(activation).build());
            width = units;
        }
        layers.layer(new org.deeplearning4j.nn.conf.layers.OutputLayer.Builder(
                org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction.MCXENT).nIn(width).nOut(10)
                .activation(org.nd4j.linalg.activations.Activation.SOFTMAX).build());
        MultiLayerNetwork net = new MultiLayerNetwork(layers.build());
        net.init();
        net.fit(digits.trainIterator(32, 1));
        return net;
    }


    private static void finiteDifferenceError(DatasetSplit digits, DataSet probe, Activation activation) {
        MultiLayerNetwork net = trained(digits, List.of(128, 64), activation);
        Model doubles = NetworkHessian.float64(net);
        Random random = new Random(2);
        double worst = 0;
        double[] errors = new double[5];
        for (int trial = 0; trial < errors.length; trial++) {
            double[] v = new double[(int) net.numParams()];
            Arrays.setAll(v, i -> random.nextGaussian());
            double[] single = new double[v.length];
            double[] reference = new double[v.length];
            NetworkHessian.probe(net, probe, h -> {
                h.apply(v, single);
                return null;
            });
            NetworkHessian.probe(doubles, probe.copy(), h -> {
                h.apply(v, reference);
                return null;
            });
            double error = 0;
            double size = 0;
            for (int i = 0; i < v.length; i++) {
                error += (single[i] - reference[i]) * (single[i] - reference[i]);
                size += reference[i] * reference[i];
            }
            errors[trial] = Math.sqrt(error / size);
            worst = Math.max(worst, errors[trial]);
        }
        System.out.printf(Locale.ROOT, "| " + activation + " | float32 FD Hessian-vector product, relative error vs float64 (%d params, "
                + "median of 5 directions; worst %.2e) | %.2e | at most 1e-3 |%n", net.numParams(), worst,
                BenchmarkSupport.median(errors));
    }

    private static void denseComparison(DatasetSplit digits, DataSet probe, Activation activation) {
        Model net = NetworkHessian.float64(trained(digits, List.of(16), activation));
        int n = (int) net.numParams();
        long start = System.nanoTime();
        double[][] dense = NetworkHessian.probe(net, probe.copy(), SymmetricOperator::toDense);
        double[] exact = new EigenDecompositionSymmetric(MatrixUtils.createRealMatrix(dense)).getEigenvalues();
        double max = Arrays.stream(exact).max().orElseThrow();
        double min = Arrays.stream(exact).min().orElseThrow();
        double trace = 0;
        for (int i = 0; i < n; i++) {
            trace += dense[i][i];
        }
        long denseMillis = (System.nanoTime() - start) / 1_000_000;
        LanczosResult lanczos = NetworkHessian.probe(net, probe.copy(), h -> new Lanczos(30, 1e-10).run(h, new Random(3)));
        HutchinsonTrace.TraceEstimate hutchinson = NetworkHessian.probe(net, probe.copy(),
                h -> HutchinsonTrace.estimate(h, 100, new Random(4)));
        System.out.printf(Locale.ROOT, "| " + activation + " | Lanczos lambda_max, 30 products, vs dense %.5g (%d params; dense took %d ms) | "
                + "%.5g (%.3f%% off) | within 1%% |%n", max, n, denseMillis, lanczos.largest(),
                100 * Math.abs(lanczos.largest() - max) / Math.abs(max));
        System.out.printf(Locale.ROOT, "| " + activation + " | Lanczos lambda_min, 30 products, vs dense %.5g | %.5g (%.3f%% of abs(lambda_min) "
                + "off, %.4f%% of lambda_max) | within 1%% |%n", min, lanczos.smallest(),
                100 * Math.abs(lanczos.smallest() - min) / Math.abs(min), 100 * Math.abs(lanczos.smallest() - min) / max);
        System.out.printf(Locale.ROOT, "| " + activation + " | Hutchinson trace, 100 probes, vs dense %.5g | %.5g (%.2f%% off, standard "
                + "error %.3g) | within 5%% |%n", trace, hutchinson.trace(),
                100 * Math.abs(hutchinson.trace() - trace) / Math.abs(trace), hutchinson.standardError());
    }
}
