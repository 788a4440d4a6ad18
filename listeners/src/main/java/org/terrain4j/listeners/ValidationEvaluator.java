package org.terrain4j.listeners;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/** Computes a {@link ValidationMetric} of a network over a validation iterator, outside training. */
final class ValidationEvaluator {

    private ValidationEvaluator() {
    }

    static double evaluate(Model model, Monitor.Validation monitor) {
        DataSetIterator iterator = monitor.iterator();
        iterator.reset();
        return switch (monitor.metric()) {
            case LOSS -> meanLoss(model, iterator);
            case ACCURACY -> model instanceof MultiLayerNetwork mln ? mln.evaluate(iterator).accuracy()
                    : ((ComputationGraph) model).evaluate(iterator).accuracy();
        };
    }

    /** Loss per example, weighting each batch by its size (DL4J's score is a batch mean). */
    private static double meanLoss(Model model, DataSetIterator iterator) {
        double total = 0;
        long examples = 0;
        while (iterator.hasNext()) {
            DataSet batch = iterator.next();
            double score = model instanceof MultiLayerNetwork mln ? mln.score(batch)
                    : ((ComputationGraph) model).score(batch);
            total += score * batch.numExamples();
            examples += batch.numExamples();
        }
        return examples == 0 ? Double.NaN : total / examples;
    }
}
