package org.terrain4j.study.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.terrain4j.study.testing.BlobsSearch.ACCURACY;
import static org.terrain4j.study.testing.BlobsSearch.configuration;
import static org.terrain4j.study.testing.BlobsSearch.space;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.terrain4j.search.arbiter.TpeSearchGenerator;
import org.terrain4j.study.store.JdbcStudyStore;
import org.terrain4j.study.store.StoreLocation;
import org.terrain4j.study.store.StoredTrial;
import org.terrain4j.study.store.StudyStore;
import org.terrain4j.study.store.TrialState;
import org.terrain4j.study.testing.PostgresServer;

/**
 * Three workers, each with its own connection and generator, run one study with a budget of 18
 * trials on a real PostgreSQL server at the same time: every trial gets its own number, none is
 * lost, the budget is the study's (passed by at most the trials the others still run), and no
 * configuration is trained twice.
 */
class SharedPostgresStudyIT {

    private static PostgresServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = PostgresServer.start("studies");
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void workersOnOneStudyCooperateWithoutDuplicateOrLostTrials() throws Exception {
        StoreLocation location = StoreLocation.parse(server.url("studies"));
        int workers = 3;
        int budget = 18;
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<?>> runs = new java.util.ArrayList<>();
            for (int w = 0; w < workers; w++) {
                int worker = w;
                runs.add(pool.submit(() -> {
                    try (StudyStore store = JdbcStudyStore.open(location)) {
                        var generator = TpeSearchGenerator.builder(space(2)).scoreFunction(ACCURACY).seed(100 + worker).build();
                        StudyRunner.builder(configuration(generator, budget)).store(store).study("shared").shared(true)
                                .worker("worker-" + worker).build().execute();
                    }
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdown();
        }
        try (StudyStore store = JdbcStudyStore.open(location)) {
            List<StoredTrial> trials = store.trials("shared");
            assertThat(trials).hasSizeBetween(budget, budget + workers - 1);
            assertThat(trials).extracting(StoredTrial::number).containsExactlyElementsOf(
                    java.util.stream.IntStream.range(0, trials.size()).boxed().toList());
            assertThat(trials).allSatisfy(t -> assertThat(t.state()).isEqualTo(TrialState.COMPLETE));
            assertThat(new HashSet<>(trials.stream().map(StoredTrial::worker).toList())).hasSizeGreaterThan(1);
            Set<String> points = new HashSet<>();
            assertThat(trials).allSatisfy(t -> assertThat(points.add(java.util.Arrays.toString(t.point())))
                    .as("trial %d repeats a configuration", t.number()).isTrue());
        }
    }
}
