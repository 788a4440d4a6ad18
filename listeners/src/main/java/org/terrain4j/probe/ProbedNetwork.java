package org.terrain4j.probe;

import org.deeplearning4j.nn.api.Model;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * The network whose Hessian a listener probes, at the {@link ProductPrecision} asked for. For
 * {@link ProductPrecision#FLOAT64} on a network that trains in another type, probes run on a
 * float64 shadow: a copy of the network made at the first probe, whose parameters are
 * overwritten in place from the training network's before every probe (a cast into the
 * shadow's own buffer), so the Hessian is the training network's at its current parameters,
 * computed in float64. Each probe also casts its batch to float64 (a copy per probe, never per
 * iteration). The training network is only read.
 *
 * <p>One instance per training network; not thread-safe (probes run on the training thread).
 */
public final class ProbedNetwork {

    private final Model model;
    private final ProductPrecision precision;
    private Model shadow;

    /**
     * @param model the training network, a MultiLayerNetwork or ComputationGraph
     * @param precision the type the products are computed in
     */
    public ProbedNetwork(Model model, ProductPrecision precision) {
        if (precision == null) {
            throw new IllegalArgumentException("the product precision is required");
        }
        this.model = model;
        this.precision = precision;
    }

    /**
     * Probes the training network's Hessian at its current parameters on {@code batch}; see
     * {@link NetworkHessian#probe(Model, DataSet, NetworkHessian.Probe)}.
     */
    public <T> T probe(DataSet batch, NetworkHessian.Probe<T> probe) {
        if (!usesShadow()) {
            return NetworkHessian.probe(model, batch, probe);
        }
        if (shadow == null || shadow.numParams() != model.numParams()) {
            shadow = NetworkHessian.float64(model);
        }
        shadow.params().assign(model.params());
        return NetworkHessian.probe(shadow, inDoubles(batch), probe);
    }

    /** The training network. */
    public Model model() {
        return model;
    }

    /** Whether probes run on a float64 shadow rather than on the training network itself. */
    public boolean usesShadow() {
        return precision == ProductPrecision.FLOAT64 && model.params().dataType() != DataType.DOUBLE;
    }

    private static DataSet inDoubles(DataSet batch) {
        return new DataSet(batch.getFeatures().castTo(DataType.DOUBLE), batch.getLabels().castTo(DataType.DOUBLE),
                cast(batch.getFeaturesMaskArray()), cast(batch.getLabelsMaskArray()));
    }

    private static INDArray cast(INDArray mask) {
        return mask == null ? null : mask.castTo(DataType.DOUBLE);
    }
}
