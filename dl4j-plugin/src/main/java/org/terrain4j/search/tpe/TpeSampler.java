package org.terrain4j.search.tpe;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.terrain4j.search.Sampler;
import org.terrain4j.search.SearchHistory;
import org.terrain4j.search.Trial;
import org.terrain4j.search.TrialState;
import org.terrain4j.search.UniformSampler;
import org.terrain4j.search.space.Dimension;
import org.terrain4j.search.space.DiscreteDimension;

/**
 * The tree-structured Parzen estimator, one coordinate at a time as Optuna's default
 * (independent) sampler does: split the complete trials (and, with the constant liar, the
 * pending ones, ranked last) into the best {@link TpeOptions#goodCount} and the rest, fit a
 * Parzen density to each, draw candidates from the good one and keep the candidate with the
 * largest {@code log l(x) - log g(x)}. Failed trials are left out, as Optuna leaves them out.
 * Continuous coordinates are searched on [0,1]; integer coordinates as levels with step 1;
 * unordered choices as categories. Stateless.
 */
public final class TpeSampler implements Sampler {

    private final TpeOptions options;
    private final Sampler startup = new UniformSampler();

    /** A sampler with these options. */
    public TpeSampler(TpeOptions options) {
        this.options = options;
    }

    @Override
    public double[] propose(SearchHistory history, SplittableRandom random) {
        return propose(history, List.of(), random);
    }

    /**
     * A proposal with {@code alsoBad} (trials of the same history, known to be poor without a loss
     * to rank them by) in the bad density only, in the chronological place their ids give them.
     */
    double[] propose(SearchHistory history, List<Trial> alsoBad, SplittableRandom random) {
        List<Trial> complete = history.inState(TrialState.COMPLETE);
        if (complete.size() < options.startupTrials()) {
            return startup.propose(history, random);
        }
        List<Trial> observed = new ArrayList<>(complete);
        if (options.constantLiar()) {
            observed.addAll(history.inState(TrialState.PENDING));
        }
        observed.sort(Comparator.comparingInt(Trial::id));
        List<Trial> byLoss = new ArrayList<>(observed);
        byLoss.sort(Comparator.comparingDouble(TpeSampler::rankingLoss));
        int goodCount = TpeOptions.goodCount(complete.size());
        List<Trial> good = chronological(byLoss.subList(0, goodCount));
        List<Trial> bad = new ArrayList<>(byLoss.subList(goodCount, byLoss.size()));
        bad.addAll(alsoBad);
        bad = chronological(bad);
        double[] point = new double[history.space().size()];
        for (int i = 0; i < point.length; i++) {
            point[i] = proposeCoordinate(history.space().dimension(i), i, good, bad, random);
        }
        return point;
    }

    private static double rankingLoss(Trial t) {
        return t.state() == TrialState.COMPLETE ? t.loss() : Double.POSITIVE_INFINITY;
    }

    private static List<Trial> chronological(List<Trial> trials) {
        List<Trial> sorted = new ArrayList<>(trials);
        sorted.sort(Comparator.comparingInt(Trial::id));
        return sorted;
    }

    private double proposeCoordinate(Dimension dimension, int i, List<Trial> good, List<Trial> bad,
            SplittableRandom random) {
        ParzenEstimator l = estimator(dimension, internal(dimension, i, good));
        ParzenEstimator g = estimator(dimension, internal(dimension, i, bad));
        double best = Double.NaN;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < options.eiCandidates(); k++) {
            double candidate = l.sample(random);
            double score = l.logDensity(candidate) - g.logDensity(candidate);
            if (Double.isNaN(best) || score > bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        return toUnit(dimension, best);
    }

    private ParzenEstimator estimator(Dimension dimension, double[] values) {
        if (dimension instanceof DiscreteDimension d) {
            return d.categorical() ? new CategoricalParzenEstimator(values, d.levels(), options)
                    : new NumericalParzenEstimator(values, -0.5, d.levels() - 0.5, 1, options);
        }
        return new NumericalParzenEstimator(values, 0, 1, 0, options);
    }

    private static double[] internal(Dimension dimension, int i, List<Trial> trials) {
        double[] values = new double[trials.size()];
        for (int k = 0; k < values.length; k++) {
            double u = trials.get(k).point()[i];
            values[k] = dimension instanceof DiscreteDimension d ? d.level(u) : u;
        }
        return values;
    }

    private static double toUnit(Dimension dimension, double value) {
        return dimension instanceof DiscreteDimension d ? d.centre((int) Math.round(value)) : value;
    }
}
