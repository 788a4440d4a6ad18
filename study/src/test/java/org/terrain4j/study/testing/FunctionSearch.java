package org.terrain4j.study.testing;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.deeplearning4j.arbiter.optimize.api.Candidate;
import org.deeplearning4j.arbiter.optimize.api.OptimizationResult;
import org.deeplearning4j.arbiter.optimize.api.TaskCreator;
import org.deeplearning4j.arbiter.optimize.api.data.DataProvider;
import org.deeplearning4j.arbiter.optimize.api.data.DataSource;
import org.deeplearning4j.arbiter.optimize.api.score.ScoreFunction;
import org.deeplearning4j.arbiter.optimize.parameter.continuous.ContinuousParameterSpace;
import org.deeplearning4j.arbiter.optimize.runner.CandidateInfo;
import org.deeplearning4j.arbiter.optimize.runner.CandidateStatus;
import org.deeplearning4j.arbiter.optimize.runner.IOptimizationRunner;
import org.deeplearning4j.arbiter.optimize.runner.listener.StatusListener;
import org.terrain4j.search.arbiter.NamedParameterSpace;

/**
 * A search whose trials train nothing: each evaluates Branin's function at the candidate, in
 * microseconds, so the study runner's own logic (numbering, resume, failures, the store) is
 * tested without DL4J. Points with {@code x0 > 7} fail, as a crashing trial would.
 */
public final class FunctionSearch {

    private FunctionSearch() {
    }

    /** Branin's domain, {@code x0} in [-5, 10] and {@code x1} in [0, 15]. */
    public static NamedParameterSpace space() {
        return NamedParameterSpace.builder().add("x0", new ContinuousParameterSpace(-5, 10))
                .add("x1", new ContinuousParameterSpace(0, 15)).build();
    }

    /** Branin's function, minimum 0.397887. */
    public static double branin(double x0, double x1) {
        double b = 5.1 / (4 * Math.PI * Math.PI);
        double c = 5 / Math.PI;
        double t = 1 / (8 * Math.PI);
        return Math.pow(x1 - b * x0 * x0 + c * x0 - 6, 2) + 10 * (1 - t) * Math.cos(x0) + 10;
    }

    /** Scores are minimized; the runner reads the direction from here. */
    public static final class Minimize implements ScoreFunction {
        private static final long serialVersionUID = 1L;

        @Override
        public double score(Object model, DataProvider data, Map<String, Object> parameters) {
            throw new UnsupportedOperationException("the task scores itself");
        }

        @Override
        public double score(Object model, Class<? extends DataSource> data, Properties properties) {
            throw new UnsupportedOperationException("the task scores itself");
        }

        @Override
        public boolean minimize() {
            return true;
        }

        @Override
        public List<Class<?>> getSupportedModelTypes() {
            return List.of(Object.class);
        }

        @Override
        public List<Class<?>> getSupportedDataTypes() {
            return List.of(Object.class);
        }
    }

    /** No data: the function needs none. */
    public static final class NoData implements DataSource {
        private static final long serialVersionUID = 1L;

        @Override
        public void configure(Properties properties) {
        }

        @Override
        public Object trainData() {
            return null;
        }

        @Override
        public Object testData() {
            return null;
        }

        @Override
        public Class<?> getDataType() {
            return Object.class;
        }
    }

    /** Tasks that evaluate Branin at their candidate. */
    public static final class Tasks implements TaskCreator {
        @Override
        public Callable<OptimizationResult> create(Candidate candidate, DataProvider data, ScoreFunction score,
                                                   List<StatusListener> listeners, IOptimizationRunner runner) {
            return task(candidate);
        }

        @Override
        public Callable<OptimizationResult> create(Candidate candidate, Class<? extends DataSource> data,
                                                   Properties properties, ScoreFunction score,
                                                   List<StatusListener> listeners, IOptimizationRunner runner) {
            return task(candidate);
        }

        @SuppressWarnings("unchecked")
        private static Callable<OptimizationResult> task(Candidate candidate) {
            return () -> {
                Map<String, Object> point = (Map<String, Object>) candidate.getValue();
                double x0 = (Double) point.get("x0");
                double x1 = (Double) point.get("x1");
                long now = System.currentTimeMillis();
                if (x0 > 7) {
                    CandidateInfo info = new CandidateInfo(candidate.getIndex(), CandidateStatus.Failed, null, now, now,
                            now, candidate.getFlatParameters(), "x0 " + x0 + " is out of the model's reach");
                    return new OptimizationResult(candidate, null, candidate.getIndex(), null, info, null);
                }
                double value = branin(x0, x1);
                CandidateInfo info = new CandidateInfo(candidate.getIndex(), CandidateStatus.Complete, value, now, now,
                        now, candidate.getFlatParameters(), null);
                return new OptimizationResult(candidate, value, candidate.getIndex(), null, info, null);
            };
        }
    }
}
