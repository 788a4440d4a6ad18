package org.terrain4j.arbiter;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;
import org.deeplearning4j.arbiter.DL4JConfiguration;
import org.deeplearning4j.arbiter.GraphConfiguration;
import org.deeplearning4j.arbiter.optimize.api.Candidate;
import org.deeplearning4j.arbiter.optimize.api.OptimizationResult;
import org.deeplearning4j.arbiter.optimize.api.saving.ResultReference;
import org.deeplearning4j.arbiter.optimize.api.saving.ResultSaver;
import org.deeplearning4j.arbiter.optimize.runner.CandidateInfo;
import org.deeplearning4j.arbiter.optimize.runner.CandidateStatus;
import org.deeplearning4j.arbiter.optimize.runner.IOptimizationRunner;
import org.deeplearning4j.arbiter.optimize.runner.listener.StatusListener;
import org.deeplearning4j.arbiter.scoring.util.ScoreUtil;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.terrain4j.listeners.TerrainListener;
import org.terrain4j.search.arbiter.SamplingCandidateGenerator;

/**
 * Trains one candidate: builds the network from a copy of its configuration (the candidate
 * keeps its own) with the candidate's schedule on the updaters,
 * adds a {@code TerrainListener} with the candidate's plateau response, trains the epochs on
 * training data of the candidate's batch size, scores it, saves it through the runner's result
 * saver, and tells the status listeners. A candidate that throws (out of memory included) or
 * scores NaN or infinity comes back Failed with the reason, and a Terrain generator is told,
 * since Arbiter's runner reports only successes to generators.
 */
final class TerrainTask implements Callable<OptimizationResult> {

    private static final Logger LOG = LoggerFactory.getLogger(TerrainTask.class);

    /** What a task needs from the data side: training data and a score, both for a batch size. */
    interface Data {
        Object trainData(int batchSize);

        double score(Model model, int batchSize);
    }

    private final Candidate<?> candidate;
    private final Data data;
    private final List<StatusListener> statusListeners;
    /** The runner the status listeners are told of; null for a task outside any runner. */
    private final IOptimizationRunner runner;
    private final EpochReporter reporter;
    private final ResultSaver saver;
    private final SamplingCandidateGenerator generator;

    /**
     * A task of {@code runner}: its result saver keeps the model, the runner is the epoch
     * reporter when it is one, and a Terrain generator of its configuration is told failures.
     */
    TerrainTask(Candidate<?> candidate, Data data, List<StatusListener> statusListeners, IOptimizationRunner runner) {
        this.candidate = candidate;
        this.data = data;
        this.statusListeners = statusListeners == null ? List.of() : statusListeners;
        this.runner = runner;
        this.reporter = runner instanceof EpochReporter r ? r : null;
        this.saver = runner.getConfiguration().getResultSaver();
        this.generator = runner.getConfiguration().getCandidateGenerator() instanceof SamplingCandidateGenerator g ? g : null;
    }

    /** A task outside any runner (in a worker process): epochs go to {@code reporter}, the model to {@code saver}. */
    TerrainTask(Candidate<?> candidate, Data data, EpochReporter reporter, ResultSaver saver) {
        this.candidate = candidate;
        this.data = data;
        this.statusListeners = List.of();
        this.runner = null;
        this.reporter = java.util.Objects.requireNonNull(reporter, "reporter");
        this.saver = saver;
        this.generator = null;
    }

    /** The network after training, and its score when the epochs were scored (else NaN). */
    private record Trained(Model net, double score, TerrainListener listener) {
    }

    @Override
    public OptimizationResult call() {
        long start = System.currentTimeMillis();
        try {
            if (!(candidate.getValue() instanceof TerrainTrial trial)) {
                throw new IllegalArgumentException("TerrainTaskCreator trains TerrainTrial candidates (a TerrainTrialSpace),"
                        + " got " + (candidate.getValue() == null ? "null" : candidate.getValue().getClass().getName()));
            }
            Trained trained = train(trial);
            if (reporter != null) {
                reporter.afterTraining(candidate.getIndex(), trained.listener());
            }
            Model net = trained.net();
            double score = Double.isNaN(trained.score()) ? data.score(net, trial.batchSize()) : trained.score();
            if (!Double.isFinite(score)) {
                return failed(start, "score " + score + " after training");
            }
            CandidateInfo info = info(CandidateStatus.Complete, score, start, null);
            OptimizationResult result = new OptimizationResult(candidate, score, candidate.getIndex(), null, info, null);
            result.setResultReference(save(result, net));
            notifyListeners(info, result);
            return result;
        } catch (Throwable e) {
            LOG.warn("candidate {} failed: {}", candidate.getIndex(), e.toString());
            return failed(start, e.toString());
        }
    }

    private Trained train(TerrainTrial trial) {
        int epochs = trial.epochs();
        TerrainPolicy policy = trial.policy();
        Object training = data.trainData(trial.batchSize());
        if (trial.network() instanceof DL4JConfiguration d) {
            MultiLayerConfiguration conf = d.getMultiLayerConfiguration().clone();
            DataSetIterator iterator = ScoreUtil.getIterator(training);
            int perEpoch = batchesPerEpoch(iterator);
            LearningRatePolicies.apply(conf, policy.schedule(), epochs * perEpoch, policy.warmupEpochs() * perEpoch);
            MultiLayerNetwork net = new MultiLayerNetwork(conf);
            net.init();
            TerrainListener listener = policy.listener((long) epochs * perEpoch);
            net.addListeners(listener);
            return fitEpochs(net, listener, epochs, trial.batchSize(), () -> net.fit(iterator));
        }
        ComputationGraphConfiguration conf = ((GraphConfiguration) trial.network()).getConfiguration().clone();
        MultiDataSetIterator iterator = ScoreUtil.getMultiIterator(training);
        int perEpoch = batchesPerEpoch(iterator);
        LearningRatePolicies.apply(conf, policy.schedule(), epochs * perEpoch, policy.warmupEpochs() * perEpoch);
        ComputationGraph net = new ComputationGraph(conf);
        net.init();
        TerrainListener listener = policy.listener((long) epochs * perEpoch);
        net.addListeners(listener);
        return fitEpochs(net, listener, epochs, trial.batchSize(), () -> net.fit(iterator));
    }

    /** Trains {@code epochs} epochs; with a reporter, scores each and stops when it says so. */
    private Trained fitEpochs(Model net, TerrainListener listener, int epochs, int batchSize, Runnable epoch) {
        double score = Double.NaN;
        for (int e = 1; e <= epochs; e++) {
            epoch.run();
            NativeGarbage.process().collectIfGrown();
            if (reporter != null) {
                score = data.score(net, batchSize);
                if (reporter.afterEpoch(candidate.getIndex(), e, score).isPresent()) {
                    break;
                }
            }
        }
        return new Trained(net, score, listener);
    }

    /**
     * Mini-batches in one pass, counted by one pass over the iterator (the schedules run per
     * iteration); the iterator must be resettable, as {@code fit} over several epochs needs anyway.
     */
    private static int batchesPerEpoch(java.util.Iterator<?> iterator) {
        int count = 0;
        while (iterator.hasNext()) {
            iterator.next();
            count++;
        }
        if (iterator instanceof DataSetIterator d) {
            d.reset();
        } else if (iterator instanceof MultiDataSetIterator m) {
            m.reset();
        }
        if (count == 0) {
            throw new IllegalArgumentException("the training data has no mini-batches");
        }
        return count;
    }

    private ResultReference save(OptimizationResult result, Model net) {
        if (saver == null) {
            return null;
        }
        try {
            return saver.saveModel(result, net);
        } catch (java.io.IOException e) {
            LOG.warn("candidate {}: the model could not be saved: {}", candidate.getIndex(), e.toString());
            return null;
        }
    }

    private OptimizationResult failed(long start, String reason) {
        // a negative index is a runner's own candidate (a retrial), unknown to the generator
        if (candidate.getIndex() >= 0 && generator != null) {
            generator.reportFailure(candidate.getIndex(), reason);
        }
        CandidateInfo info = info(CandidateStatus.Failed, null, start, reason);
        OptimizationResult result = new OptimizationResult(candidate, null, candidate.getIndex(), null, info, null);
        notifyListeners(info, result);
        return result;
    }

    private CandidateInfo info(CandidateStatus status, Double score, long start, String failure) {
        return new CandidateInfo(candidate.getIndex(), status, score, start, start, System.currentTimeMillis(),
                candidate.getFlatParameters(), failure);
    }

    private void notifyListeners(CandidateInfo info, OptimizationResult result) {
        for (StatusListener listener : statusListeners) {
            try {
                listener.onCandidateStatusChange(info, runner, result);
            } catch (RuntimeException e) {
                LOG.error("status listener {} failed on candidate {}", listener, candidate.getIndex(), e);
            }
        }
    }

    /** Training data per batch size from a function, scored by {@code score}. */
    static Data data(IntFunction<Object> trainData, java.util.function.ToDoubleBiFunction<Model, Integer> score) {
        return new Data() {
            @Override
            public Object trainData(int batchSize) {
                return trainData.apply(batchSize);
            }

            @Override
            public double score(Model model, int batchSize) {
                return score.applyAsDouble(model, batchSize);
            }
        };
    }
}
