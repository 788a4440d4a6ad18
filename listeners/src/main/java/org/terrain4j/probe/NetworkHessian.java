package org.terrain4j.probe;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.terrain4j.curvature.SymmetricOperator;

/**
 * The Hessian of a network's mean loss on a probe batch, as a {@link SymmetricOperator}: finite
 * differences of gradients along the direction.
 * <ul>
 * <li>float64 networks: forward differences, {@code Hv ~ (g(theta + eps v) - g(theta)) / eps} with
 * {@code eps = sqrt(machine_eps) * (1 + |theta|) / |v|}, one gradient per product after the
 * first. Against double backpropagation the products agree to within 1e-6 (at most 6.8e-7 on ReLU and tanh
 * MLPs of 45k parameters, benchmarks/run curvature): the step is so small that it
 * rarely crosses a ReLU kink, and a central difference would double the cost for no accuracy
 * that shows.</li>
 * <li>float32 networks: central differences, {@code (g(theta + eps v) - g(theta - eps v)) / (2 eps)}
 * with {@code eps = cbrt(machine_eps) * (1 + |theta|) / |v|}: about 1e-4 relative error on tanh,
 * but on ReLU networks the step crosses kinks (lambda_min off by half or more); see
 * {@link ProductPrecision}.</li>
 * </ul>
 * Dropout is off while probing, so the operator is deterministic and training's random numbers
 * are not consumed.
 *
 * <p>Use it inside {@link #probe(Model, DataSet, Probe)}, which restores the network exactly:
 * parameters, score, input, labels, masks and dropout. {@link #float64(Model)} gives a double
 * precision copy for small models, where probing never touches the original at all.
 */
public final class NetworkHessian implements SymmetricOperator {

    private final Model model;
    private final DataSet batch;
    private final INDArray theta;
    private final double parameterNorm;
    private final boolean forward;
    private final double relativeStep;
    private final INDArray direction;
    private final INDArray gradientPlus;
    private INDArray baseGradient;

    private NetworkHessian(Model model, DataSet batch, INDArray theta) {
        this.model = model;
        this.batch = batch;
        this.theta = theta;
        this.parameterNorm = theta.normmaxNumber().doubleValue();
        this.forward = theta.dataType() == DataType.DOUBLE;
        this.relativeStep = forward ? Math.sqrt(Math.ulp(1.0)) : Math.cbrt(Math.ulp(1.0f));
        this.direction = theta.ulike();
        this.gradientPlus = theta.ulike();
    }

    /** What to do with the operator while the network is held for probing. */
    @FunctionalInterface
    public interface Probe<T> {
        /** Uses the operator; the network is restored afterwards, whatever happens. */
        T run(NetworkHessian hessian);
    }

    /**
     * Probes {@code model} on {@code batch} and gives the network back exactly as it was.
     *
     * @param model a MultiLayerNetwork or ComputationGraph
     * @param batch the probe batch; the Hessian is of the mean loss over it
     */
    public static <T> T probe(Model model, DataSet batch, Probe<T> probe) {
        if (!(model instanceof MultiLayerNetwork) && !(model instanceof ComputationGraph)) {
            throw new IllegalArgumentException("curvature probes work on MultiLayerNetwork and ComputationGraph, got "
                    + (model == null ? "null" : model.getClass().getName()));
        }
        NetworkState state = NetworkState.capture(model);
        try {
            return probe.run(new NetworkHessian(model, batch, state.parameters()));
        } finally {
            state.restore();
        }
    }

    /**
     * A copy of the mini-batch the network last trained on (features and labels), the natural
     * probe batch inside a listener; empty before any training, or for graphs with several
     * inputs or outputs.
     */
    public static java.util.Optional<DataSet> lastBatch(Model model) {
        if (model instanceof MultiLayerNetwork mln) {
            return mln.getInput() == null || mln.getLabels() == null ? java.util.Optional.empty()
                    : java.util.Optional.of(new DataSet(mln.getInput().dup(), mln.getLabels().dup()));
        }
        if (model instanceof ComputationGraph graph) {
            INDArray[] inputs = graph.getInputs();
            INDArray[] labels = NetworkState.graphLabels(graph);
            if (inputs == null || labels == null || inputs.length != 1 || labels.length != 1
                    || inputs[0] == null || labels[0] == null) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(new DataSet(inputs[0].dup(), labels[0].dup()));
        }
        return java.util.Optional.empty();
    }

    /** A double-precision copy of a network, to probe small models with float64 accuracy. */
    public static Model float64(Model model) {
        if (model instanceof MultiLayerNetwork mln) {
            return mln.convertDataType(DataType.DOUBLE);
        }
        if (model instanceof ComputationGraph graph) {
            return graph.convertDataType(DataType.DOUBLE);
        }
        throw new IllegalArgumentException("curvature probes work on MultiLayerNetwork and ComputationGraph, got "
                + (model == null ? "null" : model.getClass().getName()));
    }

    @Override
    public int dimension() {
        return Math.toIntExact(theta.length());
    }

    @Override
    public void apply(double[] v, double[] out) {
        double norm = 0;
        for (double x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        if (norm == 0) {
            java.util.Arrays.fill(out, 0);
            return;
        }
        double eps = relativeStep * (1 + parameterNorm) / norm;
        load(v, direction);
        // DL4J's gradient view holds the sum over the batch when miniBatch is on (the updater
        // divides later): the mean loss's Hessian takes that divisor, folded into the scale.
        double divisor = model.conf().isMiniBatch() ? batch.numExamples() : 1;
        if (forward && baseGradient == null) {
            baseGradient = theta.ulike();
            baseGradient.assign(gradientAt(0));
        }
        gradientPlus.assign(gradientAt(eps));
        INDArray subtracted = forward ? baseGradient : gradientAt(-eps); // the view may be [1, n] where theta is [n]
        Nd4j.getBlasWrapper().level1().axpy(gradientPlus.length(), -1, subtracted, gradientPlus);
        store(gradientPlus, 1 / ((forward ? 1 : 2) * eps * divisor), out);
    }

    /** Copies {@code v} into the native buffer of {@code into} (float or double): no temporary arrays. */
    private static void load(double[] v, INDArray into) {
        if (into.dataType() == DataType.DOUBLE) {
            into.data().asNioDouble().put(v);
        } else {
            java.nio.FloatBuffer buffer = into.data().asNioFloat();
            for (int i = 0; i < v.length; i++) {
                buffer.put(i, (float) v[i]);
            }
        }
    }

    /** {@code out = scale * from}, read straight from the native buffer of {@code from}. */
    private static void store(INDArray from, double scale, double[] out) {
        if (from.dataType() == DataType.DOUBLE) {
            java.nio.DoubleBuffer buffer = from.data().asNioDouble();
            for (int i = 0; i < out.length; i++) {
                out[i] = buffer.get(i) * scale;
            }
        } else {
            java.nio.FloatBuffer buffer = from.data().asNioFloat();
            for (int i = 0; i < out.length; i++) {
                out[i] = buffer.get(i) * scale;
            }
        }
    }

    /**
     * The loss gradient at {@code theta + step * direction}: the network's own gradient view,
     * valid until the next gradient computation; no temporaries.
     */
    private INDArray gradientAt(double step) {
        INDArray params = model.params();
        params.assign(theta);
        Nd4j.getBlasWrapper().level1().axpy(params.length(), step, direction, params);
        if (model instanceof MultiLayerNetwork mln) {
            mln.setInput(batch.getFeatures());
            mln.setLabels(batch.getLabels());
            mln.setLayerMaskArrays(batch.getFeaturesMaskArray(), batch.getLabelsMaskArray());
            mln.computeGradientAndScore();
        } else {
            ComputationGraph graph = (ComputationGraph) model;
            graph.setInputs(batch.getFeatures());
            graph.setLabels(batch.getLabels());
            graph.computeGradientAndScore();
        }
        return model.getGradientsViewArray();
    }
}
