package org.terrain4j.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.ScheduleType;

/**
 * Every step of every case in {@code pytorch_schedules.tsv} (PyTorch 1.13 closed forms, written
 * by {@code scripts/fixtures/schedules.py}) within 1e-12 of Terrain's schedule.
 */
class PyTorchScheduleParityTest {

    static Stream<Arguments> cases() throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                PyTorchScheduleParityTest.class.getResourceAsStream("pytorch_schedules.tsv"), StandardCharsets.UTF_8))) {
            List<Arguments> cases = reader.lines().map(line -> line.split("\t"))
                    .map(f -> Arguments.of(f[0] + " " + f[1], schedule(f[0], parameters(f[1])),
                            Arrays.stream(f[2].split(",")).mapToDouble(Double::parseDouble).toArray()))
                    .toList();
            return cases.stream();
        }
    }

    private static Map<String, String> parameters(String field) {
        Map<String, String> map = new HashMap<>();
        for (String pair : field.split(";")) {
            String[] kv = pair.split("=");
            map.put(kv[0], kv[1]);
        }
        return map;
    }

    private static ISchedule schedule(String name, Map<String, String> p) {
        ScheduleType it = ScheduleType.ITERATION;
        return switch (name) {
            case "cosine" -> Schedules.cosine(it, d(p, "initial"), i(p, "tMax"), d(p, "floor"));
            case "restarts" -> Schedules.cosineWarmRestarts(it, d(p, "initial"), i(p, "t0"), i(p, "tMult"), d(p, "floor"));
            case "onecycle" -> new OneCycleSchedule(it, d(p, "max"), i(p, "total"), d(p, "pctStart"), d(p, "div"),
                    d(p, "finalDiv"), Annealing.valueOf(p.get("anneal")), Boolean.parseBoolean(p.get("threePhase")));
            case "polynomial" -> Schedules.polynomial(d(p, "initial"), d(p, "end"), i(p, "steps"), d(p, "power"));
            case "linear" -> Schedules.linear(d(p, "initial"), d(p, "end"), i(p, "steps"));
            case "warmup" -> Schedules.constant(d(p, "initial")).withWarmup(i(p, "steps"), d(p, "startFactor"));
            case "warmup_cosine" -> Schedules.constant(d(p, "initial")).withWarmup(i(p, "warmup"), 0.1)
                    .then(i(p, "warmup"), Schedules.cosine(d(p, "initial"), i(p, "tMax")));
            default -> throw new IllegalArgumentException("unknown case " + name);
        };
    }

    private static double d(Map<String, String> p, String key) {
        return Double.parseDouble(p.get(key));
    }

    private static int i(Map<String, String> p, String key) {
        return Integer.parseInt(p.get(key));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesPyTorchAtEveryStep(String name, ISchedule schedule, double[] expected) {
        for (int step = 0; step < expected.length; step++) {
            assertThat(schedule.valueAt(step, 0)).as("%s at step %d", name, step).isCloseTo(expected[step], within(1e-12));
        }
    }
}
