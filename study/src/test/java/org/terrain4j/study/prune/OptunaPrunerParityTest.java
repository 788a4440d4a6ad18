package org.terrain4j.study.prune;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.terrain4j.study.store.Direction;
import org.terrain4j.study.store.TrialState;

/**
 * Terrain's pruners stop the same trials at the same epochs as Optuna 3.1's, on the studies in
 * {@code optuna_pruners.tsv} (written by {@code scripts/fixtures/pruners.py}): 16 random learning
 * curves per study run one after another, asking the pruner after every epoch; median,
 * percentile (warmup, interval, minimum trials), successive halving (reduction factors,
 * early-stopping rate, bootstrap), Hyperband (Optuna's bracket assignment) and the patience
 * wrapper, maximizing and minimizing.
 */
class OptunaPrunerParityTest {

    static Stream<Arguments> studies() throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                OptunaPrunerParityTest.class.getResourceAsStream("optuna_pruners.tsv"), StandardCharsets.UTF_8))) {
            return reader.lines().map(line -> line.split("\t"))
                    .map(f -> Arguments.of(f[0], Direction.valueOf(f[1]), f[2], f[3])).toList().stream();
        }
    }

    static Pruner pruner(String spec) {
        String[] p = spec.split(":");
        return switch (p[0]) {
            case "median" -> PercentilePruner.median();
            case "percentile" -> new PercentilePruner(Double.parseDouble(p[1]), Integer.parseInt(p[2]),
                    Integer.parseInt(p[3]), Integer.parseInt(p[4]), Integer.parseInt(p[5]));
            case "asha" -> new SuccessiveHalvingPruner(Integer.parseInt(p[1]), Integer.parseInt(p[2]),
                    Integer.parseInt(p[3]), Integer.parseInt(p[4]));
            case "hyperband" -> new HyperbandPruner(Integer.parseInt(p[1]), Integer.parseInt(p[2]), Integer.parseInt(p[3]));
            case "patient" -> new PatientPruner(p[1].equals("none") ? Pruner.NONE : new PercentilePruner(50, 2, 0, 1, 1),
                    Integer.parseInt(p[2]), Double.parseDouble(p[3]));
            default -> throw new IllegalArgumentException(spec);
        };
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("studies")
    void prunesTheSameTrialsAtTheSameEpochsAsOptuna(String spec, Direction direction, String study, String trialsField) {
        Pruner pruner = pruner(spec);
        List<TrialProgress> finished = new ArrayList<>();
        String[] trials = trialsField.split(";");
        int[] expected = new int[trials.length];
        int[] actual = new int[trials.length];
        for (int number = 0; number < trials.length; number++) {
            String[] parts = trials[number].split(":");
            double[] curve = Arrays.stream(parts[0].split(",")).mapToDouble(Double::parseDouble).toArray();
            expected[number] = Integer.parseInt(parts[1]);
            List<Double> reported = new ArrayList<>();
            for (double v : curve) {
                reported.add(v);
                TrialProgress running = new TrialProgress(number, TrialState.RUNNING, List.copyOf(reported));
                List<TrialProgress> all = new ArrayList<>(finished);
                all.add(running);
                if (pruner.prune(new PruningInput(study, direction, running, all)).isPresent()) {
                    actual[number] = reported.size();
                    break;
                }
            }
            finished.add(new TrialProgress(number, actual[number] > 0 ? TrialState.PRUNED : TrialState.COMPLETE,
                    List.copyOf(reported)));
        }
        assertThat(actual).as("epoch each trial was pruned at (0: never)").containsExactly(expected);
    }
}
