package org.terrain4j.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;
import org.terrain4j.curvature.HutchinsonTrace;
import org.terrain4j.curvature.Lanczos;
import org.terrain4j.curvature.LanczosResult;
import org.terrain4j.probe.ProbedNetwork;
import org.terrain4j.probe.ProductPrecision;
import org.terrain4j.data.DatasetSplit;
import org.terrain4j.data.Datasets;

/**
 * Accuracy of the curvature probes against the exact Hessian, on the digits data. Each network
 * (float32, DL4J's default) trains one epoch, so the point is a typical one; then the truth at its
 * parameters on a probe batch of 128 validation digits comes from PyTorch double backpropagation
 * in float64 ({@code scripts/fixtures/exact_hessian.py reference}: ARPACK on exact products for
 * lambda_max and lambda_min, the diagonal summed product by product for the trace), and the
 * probes are judged against it at both {@link ProductPrecision}s: Lanczos with 20 products,
 * Hutchinson's trace with 100 probes, and single products along three Gaussian directions.
 *
 * <p>Arguments: {@code python} (the interpreter with python3-torch and python3-scipy) and a
 * working directory for the requests.
 */
public final class CurvatureAccuracy {

    private static final int LANCZOS_PRODUCTS = 20;
    private static final int TRACE_PROBES = 100;
    private static final int DIRECTIONS = 3;
    private static final int PROBE_EXAMPLES = 128;

    /** A network to judge: its DL4J form and the layer list the reference script reads. */
    private record Case(String name, MultiLayerNetwork net, ArrayNode layers, int[] input) {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        String python = args[0];
        Path work = Path.of(args[1]);
        DatasetSplit digits = Datasets.digits(1);
        DataSet probe = firstExamples(digits.validation(), PROBE_EXAMPLES);
        System.out.println("| network | parameters | products | lambda_max (exact) | lambda_max error | lambda_min (exact) "
                + "| lambda_min error (of abs(lambda_min); of lambda_max) | trace (exact) | trace error (standard error) "
                + "| product error (median of 3) |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        for (Case c : cases()) {
            c.net().fit(digits.trainIterator(32, 1));
            JsonNode exact = reference(python, work, c, probe);
            for (ProductPrecision precision : ProductPrecision.values()) {
                System.out.println(row(c, probe, exact, precision));
            }
        }
    }

    private static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (Activation activation : new Activation[] {Activation.RELU, Activation.TANH}) {
            cases.add(mlp(activation, List.of(16)));
            cases.add(mlp(activation, List.of(200, 150)));
        }
        cases.add(cnn());
        return cases;
    }

    private static Case mlp(Activation activation, List<Integer> hidden) {
        ObjectMapper json = new ObjectMapper();
        ArrayNode layers = json.createArrayNode();
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder().seed(1)
                .updater(new Nesterovs(0.05, 0.9)).list();
        int width = 64;
        for (int units : hidden) {
            list.layer(new DenseLayer.Builder().nIn(width).nOut(units).activation(activation).build());
            layers.add(layer("dense", width, units, activation));
            width = units;
        }
        list.layer(new OutputLayer.Builder(LossFunction.MCXENT).nIn(width).nOut(10).activation(Activation.SOFTMAX).build());
        layers.add(layer("output", width, 10, null));
        MultiLayerNetwork net = new MultiLayerNetwork(list.build());
        net.init();
        String name = "MLP 64-" + String.join("-", hidden.stream().map(String::valueOf).toList()) + "-10 "
                + activation.name().toLowerCase(Locale.ROOT);
        return new Case(name, net, layers, new int[] {64});
    }

    /** Convolution 3x3 to 8 channels, max pooling 2x2, dense 64, softmax; ReLU. */
    private static Case cnn() {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(1)
                .updater(new Nesterovs(0.05, 0.9)).list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(8).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new DenseLayer.Builder().nOut(64).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunction.MCXENT).nOut(10).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutionalFlat(8, 8, 1)).build());
        net.init();
        ArrayNode layers = new ObjectMapper().createArrayNode();
        layers.add(layer("conv", 1, 8, Activation.RELU).put("kernel", 3));
        layers.add(new ObjectMapper().createObjectNode().put("type", "maxpool").put("size", 2));
        layers.add(layer("dense", 72, 64, Activation.RELU));
        layers.add(layer("output", 64, 10, null));
        return new Case("CNN conv3x3x8-pool-64-10 relu", net, layers, new int[] {1, 8, 8});
    }

    private static ObjectNode layer(String type, int nIn, int nOut, Activation activation) {
        ObjectNode node = new ObjectMapper().createObjectNode().put("type", type).put("nIn", nIn).put("nOut", nOut);
        return activation == null ? node : node.put("activation", activation.name().toLowerCase(Locale.ROOT));
    }

    /** Runs the reference script on the network's parameters (as float32 values) and the probe batch. */
    private static JsonNode reference(String python, Path work, Case c, DataSet probe)
            throws IOException, InterruptedException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode request = json.createObjectNode();
        request.set("layers", c.layers());
        request.set("input", json.valueToTree(c.input()));
        request.set("parameters", json.valueToTree(c.net().params().ravel().toDoubleVector()));
        request.set("features", json.valueToTree(probe.getFeatures().ravel().toDoubleVector()));
        request.set("labels", json.valueToTree(probe.getLabels().ravel().toDoubleVector()));
        request.set("directions", json.valueToTree(directions((int) c.net().numParams())));
        Path file = work.resolve(c.name().replaceAll("[^A-Za-z0-9]+", "_") + ".json");
        json.writeValue(file.toFile(), request);
        Process process = new ProcessBuilder(python, "scripts/fixtures/exact_hessian.py", "reference", file.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        byte[] out = process.getInputStream().readAllBytes();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("the exact-Hessian reference failed for " + c.name());
        }
        JsonNode exact = json.readTree(out);
        double loss = c.net().score(probe);
        if (Math.abs(loss - exact.get("loss").asDouble()) > 1e-4 * Math.max(1, loss)) {
            throw new IllegalStateException(String.format(Locale.ROOT, "%s: DL4J's loss %.8g is not the reference's %.8g: "
                    + "the parameter layouts differ", c.name(), loss, exact.get("loss").asDouble()));
        }
        return exact;
    }

    private static double[][] directions(int n) {
        Random random = new Random(7);
        double[][] directions = new double[DIRECTIONS][n];
        for (double[] v : directions) {
            Arrays.setAll(v, i -> random.nextGaussian());
        }
        return directions;
    }

    private static String row(Case c, DataSet probe, JsonNode exact, ProductPrecision precision) {
        ProbedNetwork probed = new ProbedNetwork(c.net(), precision);
        double max = exact.get("lambda_max").asDouble();
        double min = exact.get("lambda_min").asDouble();
        double trace = exact.get("trace").asDouble();
        LanczosResult lanczos = probed.probe(probe.copy(), h -> new Lanczos(LANCZOS_PRODUCTS, 1e-10).run(h, new Random(3)));
        HutchinsonTrace.TraceEstimate hutchinson = probed.probe(probe.copy(),
                h -> HutchinsonTrace.estimate(h, TRACE_PROBES, new Random(4)));
        double[][] directions = directions((int) c.net().numParams());
        double[] errors = new double[DIRECTIONS];
        for (int k = 0; k < DIRECTIONS; k++) {
            double[] v = directions[k];
            double[] hv = new double[v.length];
            probed.probe(probe.copy(), h -> {
                h.apply(v, hv);
                return null;
            });
            errors[k] = relativeError(hv, exact.get("products").get(k));
        }
        return String.format(Locale.ROOT, "| %s | %d | %s | %.5g | %.3f%% | %.5g | %.2f%%; %.3f%% | %.5g | %.2f%% (%.2f%%) | %.2e |",
                c.name(), c.net().numParams(), precision == ProductPrecision.FLOAT64 ? "float64 (default)" : "float32 (network)",
                max, 100 * Math.abs(lanczos.largest() - max) / Math.abs(max), min,
                100 * Math.abs(lanczos.smallest() - min) / Math.abs(min), 100 * Math.abs(lanczos.smallest() - min) / max,
                trace, 100 * Math.abs(hutchinson.trace() - trace) / Math.abs(trace),
                100 * hutchinson.standardError() / Math.abs(trace), BenchmarkSupport.median(errors));
    }

    private static double relativeError(double[] estimate, JsonNode exact) {
        double error = 0;
        double size = 0;
        for (int i = 0; i < estimate.length; i++) {
            double e = exact.get(i).asDouble();
            error += (estimate[i] - e) * (estimate[i] - e);
            size += e * e;
        }
        return Math.sqrt(error / size);
    }

    private static DataSet firstExamples(DataSet data, int n) {
        return new DataSet(data.getFeatures().get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, n),
                org.nd4j.linalg.indexing.NDArrayIndex.all()).dup(), data.getLabels().get(
                org.nd4j.linalg.indexing.NDArrayIndex.interval(0, n), org.nd4j.linalg.indexing.NDArrayIndex.all()).dup());
    }
}
