package org.terrain4j.search.arbiter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.deeplearning4j.arbiter.optimize.api.Candidate;
import org.deeplearning4j.arbiter.optimize.api.OptimizationResult;
import org.deeplearning4j.arbiter.optimize.api.ParameterSpace;
import org.deeplearning4j.arbiter.optimize.generator.RandomSearchGenerator;
import org.deeplearning4j.arbiter.optimize.parameter.BooleanSpace;
import org.deeplearning4j.arbiter.optimize.parameter.FixedValue;
import org.deeplearning4j.arbiter.optimize.parameter.continuous.ContinuousParameterSpace;
import org.deeplearning4j.arbiter.optimize.parameter.discrete.DiscreteParameterSpace;
import org.deeplearning4j.arbiter.optimize.parameter.integer.IntegerParameterSpace;
import org.deeplearning4j.arbiter.optimize.runner.CandidateInfo;
import org.deeplearning4j.arbiter.optimize.runner.CandidateStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The contract every Terrain generator keeps, run against each one. */
class GeneratorContractTest {

    record Factory(String name, Function<Long, Function<ParameterSpace<?>, SamplingCandidateGenerator>> make) {
        SamplingCandidateGenerator create(ParameterSpace<?> space, long seed) {
            return make.apply(seed).apply(space);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> generators() {
        return Stream.of(
                Arguments.of(new Factory("bayesian", seed -> space -> BayesianSearchGenerator.builder(space)
                        .seed(seed).startupTrials(5).build())),
                Arguments.of(new Factory("tpe", seed -> space -> TpeSearchGenerator.builder(space)
                        .seed(seed).startupTrials(5).build())),
                Arguments.of(new Factory("mfgp", seed -> space -> BayesianSearchGenerator.builder(space)
                        .seed(seed).startupTrials(5).multiFidelity().build())));
    }

    static NamedParameterSpace mixedSpace() {
        return NamedParameterSpace.builder()
                .add("rate", new ContinuousParameterSpace(-4, 1))
                .add("width", new IntegerParameterSpace(8, 15))
                .add("activation", new DiscreteParameterSpace<>("relu", "tanh", "elu"))
                .add("bias", new BooleanSpace())
                .add("fixed", new FixedValue<>(7))
                .build();
    }

    @SuppressWarnings("unchecked")
    static double objective(Candidate<?> c) {
        Map<String, Object> v = (Map<String, Object>) c.getValue();
        double rate = (Double) v.get("rate");
        int width = (Integer) v.get("width");
        double activation = switch ((String) v.get("activation")) {
            case "tanh" -> 0;
            case "relu" -> 0.5;
            default -> 1;
        };
        return (rate + 1.5) * (rate + 1.5) + 0.1 * Math.abs(width - 12) + activation + ((Boolean) v.get("bias") ? 0 : 0.3);
    }

    static OptimizationResult result(Candidate<?> c, Double score) {
        CandidateInfo info = new CandidateInfo(c.getIndex(), CandidateStatus.Complete, score, 0L, 0L, 0L,
                c.getFlatParameters(), null);
        return new OptimizationResult(c, score, c.getIndex(), null, info, null);
    }

    static List<double[]> run(SamplingCandidateGenerator generator, int trials) {
        List<double[]> points = new ArrayList<>();
        for (int t = 0; t < trials; t++) {
            Candidate<?> c = generator.getCandidate();
            points.add(c.getFlatParameters());
            generator.reportResults(result(c, objective(c)));
        }
        return points;
    }

    @ParameterizedTest
    @MethodSource("generators")
    void sameSeedSameCandidatesOtherSeedOthers(Factory factory) {
        List<double[]> a = run(factory.create(mixedSpace(), 11), 14);
        List<double[]> b = run(factory.create(mixedSpace(), 11), 14);
        List<double[]> c = run(factory.create(mixedSpace(), 12), 14);
        for (int t = 0; t < a.size(); t++) {
            assertThat(b.get(t)).as("trial %d", t).containsExactly(a.get(t));
        }
        assertThat(c.get(0)).isNotEqualTo(a.get(0));
    }

    @ParameterizedTest
    @MethodSource("generators")
    @SuppressWarnings("unchecked")
    void candidatesRespectBoundsTypesAndAreSnapped(Factory factory) {
        SamplingCandidateGenerator generator = factory.create(mixedSpace(), 3);
        assertThat(generator.searchSpace().size()).as("the fixed value takes no coordinate").isEqualTo(4);
        Set<Integer> widths = new HashSet<>();
        for (int t = 0; t < 20; t++) {
            Candidate<?> c = generator.getCandidate();
            Map<String, Object> v = (Map<String, Object>) c.getValue();
            assertThat((Double) v.get("rate")).isBetween(-4.0, 1.0);
            assertThat((Integer) v.get("width")).isBetween(8, 15);
            widths.add((Integer) v.get("width"));
            assertThat(v.get("activation")).isIn("relu", "tanh", "elu");
            assertThat(v.get("bias")).isInstanceOf(Boolean.class);
            assertThat(v.get("fixed")).isEqualTo(7);
            double[] flat = c.getFlatParameters();
            assertThat(generator.searchSpace().snap(flat)).containsExactly(flat);
            assertThat(flat[1]).as("width snapped to its bucket centre").isEqualTo(((Integer) v.get("width") - 8 + 0.5) / 8,
                    org.assertj.core.api.Assertions.within(1e-9));
            generator.reportResults(result(c, objective(c)));
        }
        assertThat(widths.size()).isGreaterThan(2);
        assertThat(generator.bestTrial()).isPresent();
    }

    @ParameterizedTest
    @MethodSource("generators")
    void failuresAreAvoidedNeverBestAndEndTheSearchWhenEveryCandidateFails(Factory factory) {
        SamplingCandidateGenerator generator = factory.create(mixedSpace(), 5);
        for (int t = 0; t < 12; t++) {
            Candidate<?> c = generator.getCandidate();
            Double score = t % 3 == 0 ? Double.valueOf(Double.NaN) : t % 3 == 1 ? null : Double.valueOf(objective(c));
            generator.reportResults(result(c, score));
        }
        assertThat(generator.bestTrial().orElseThrow().loss()).isFinite();
        assertThat(generator.hasMoreCandidates()).isTrue();

        SamplingCandidateGenerator failing = factory.create(mixedSpace(), 5);
        int suggested = 0;
        while (failing.hasMoreCandidates() && suggested < 100) {
            Candidate<?> c = failing.getCandidate();
            failing.reportResults(result(c, Double.NaN));
            suggested++;
        }
        assertThat(suggested).as("stops after 10 failures in a row").isEqualTo(10);
        assertThat(failing.bestTrial()).isEmpty();
        assertThatThrownBy(failing::getCandidate).hasMessageContaining("10 failures in a row");
    }

    @ParameterizedTest
    @MethodSource("generators")
    void aFiniteSpaceIsExploredWithoutDuplicatesThenEnds(Factory factory) {
        NamedParameterSpace small = NamedParameterSpace.builder()
                .add("a", new DiscreteParameterSpace<>(1, 2, 3))
                .add("b", new BooleanSpace())
                .build();
        SamplingCandidateGenerator generator = factory.create(small, 1);
        Set<Map<String, Object>> seen = new HashSet<>();
        while (generator.hasMoreCandidates()) {
            Candidate<?> c = generator.getCandidate();
            @SuppressWarnings("unchecked")
            Map<String, Object> v = (Map<String, Object>) c.getValue();
            assertThat(seen.add(v)).as("duplicate %s", v).isTrue();
            generator.reportResults(result(c, (double) (Integer) v.get("a")));
        }
        assertThat(seen).hasSize(6);
    }

    @ParameterizedTest
    @MethodSource("generators")
    void aConfigurationRegisteredAsPendingIsNeverProposedAndReportsLikeAnyCandidate(Factory factory) {
        NamedParameterSpace small = NamedParameterSpace.builder()
                .add("a", new DiscreteParameterSpace<>(1, 2, 3))
                .add("b", new BooleanSpace())
                .build();
        SamplingCandidateGenerator proposer = factory.create(small, 1);
        Candidate<?> first = proposer.getCandidate();
        SamplingCandidateGenerator generator = factory.create(small, 1);
        int index = generator.pending(first.getFlatParameters());
        Set<Object> seen = new HashSet<>();
        while (generator.hasMoreCandidates()) {
            Candidate<?> c = generator.getCandidate();
            assertThat(c.getValue()).isNotEqualTo(first.getValue());
            assertThat(seen.add(c.getValue())).isTrue();
            generator.reportResults(result(c, 1.0));
        }
        assertThat(seen).hasSize(5);
        generator.reportResults(result(new Candidate<>(first.getValue(), index, first.getFlatParameters(), null, null), 0.5));
        assertThat(generator.bestTrial()).hasValueSatisfying(t -> assertThat(t.id()).isEqualTo(index));
        assertThatThrownBy(() -> generator.pending(new double[] {0.5}))
                .hasMessageStartingWith("a retried trial has 1 parameters, the space has 2");
    }

    @ParameterizedTest
    @MethodSource("generators")
    void maximizingFollowsTheScoreDirection(Factory factory) {
        SamplingCandidateGenerator generator = factory.make().apply(2L).apply(mixedSpace());
        SamplingCandidateGenerator maximizer = switch (factory.name()) {
            case "bayesian" -> BayesianSearchGenerator.builder(mixedSpace()).minimize(false).startupTrials(5).seed(2).build();
            case "mfgp" -> BayesianSearchGenerator.builder(mixedSpace()).minimize(false).startupTrials(5).seed(2)
                    .multiFidelity().build();
            default -> TpeSearchGenerator.builder(mixedSpace()).minimize(false).startupTrials(5).seed(2).build();
        };
        double best = Double.NEGATIVE_INFINITY;
        for (int t = 0; t < 12; t++) {
            Candidate<?> c = maximizer.getCandidate();
            double score = -objective(c);
            best = Math.max(best, score);
            maximizer.reportResults(result(c, score));
        }
        assertThat(maximizer.bestTrial().orElseThrow().loss()).isEqualTo(-best);
        assertThat(generator.minimize()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("generators")
    void concurrentCandidatesDoNotPileOnOnePoint(Factory factory) {
        SamplingCandidateGenerator generator = factory.create(
                NamedParameterSpace.builder().add("x", new ContinuousParameterSpace(0, 1))
                        .add("y", new ContinuousParameterSpace(0, 1)).build(), 4);
        for (int t = 0; t < 8; t++) {
            Candidate<?> c = generator.getCandidate();
            double[] p = c.getFlatParameters();
            generator.reportResults(result(c, (p[0] - 0.3) * (p[0] - 0.3) + (p[1] - 0.6) * (p[1] - 0.6)));
        }
        List<double[]> pending = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            pending.add(generator.getCandidate().getFlatParameters());
        }
        for (int a = 0; a < pending.size(); a++) {
            for (int b = 0; b < a; b++) {
                double dx = pending.get(a)[0] - pending.get(b)[0];
                double dy = pending.get(a)[1] - pending.get(b)[1];
                assertThat(Math.sqrt(dx * dx + dy * dy)).as("pending %d and %d", a, b).isGreaterThan(1e-3);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("generators")
    void aSpaceWithNothingToSearchIsRejectedByName(Factory factory) {
        NamedParameterSpace fixed = NamedParameterSpace.builder().add("a", new FixedValue<>(1)).build();
        assertThatThrownBy(() -> factory.create(fixed, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nothing to search").hasMessageContaining("every value is fixed");
    }

    @ParameterizedTest
    @MethodSource("generators")
    void startupLargerThanTheBudgetIsRejected(Factory factory) {
        assertThatThrownBy(() -> BayesianSearchGenerator.builder(mixedSpace()).startupTrials(20).budget(10).build())
                .hasMessageContaining("startupTrials (20) exceeds the budget (10 trials)");
        assertThat(BayesianSearchGenerator.builder(mixedSpace()).budget(6).build().startupTrials()).isEqualTo(3);
        assertThat(factory.create(mixedSpace(), 0).hasMoreCandidates()).isTrue();
    }

    @org.junit.jupiter.api.Test
    void arbitersRandomSearchReadsTheSameSpace() {
        // The same unit point means the same configuration to Arbiter's generator and to ours.
        NamedParameterSpace space = mixedSpace();
        SamplingCandidateGenerator ours = BayesianSearchGenerator.builder(space).build();
        new RandomSearchGenerator(space, null);
        double[] point = ours.searchSpace().snap(new double[] {0.2, 0.99, 0.5, 0.7});
        assertThat(space.getValue(point)).containsEntry("width", 15).containsEntry("activation", "tanh")
                .containsEntry("bias", false);
    }
}
