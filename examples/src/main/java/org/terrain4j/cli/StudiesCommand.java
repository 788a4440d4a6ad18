package org.terrain4j.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.terrain4j.study.store.JdbcStudyStore;
import org.terrain4j.study.store.StoreLocation;
import org.terrain4j.study.store.StoredTrial;
import org.terrain4j.study.store.StudyDefinition;
import org.terrain4j.study.store.StudyStore;
import org.terrain4j.study.store.StudySummary;
import org.terrain4j.study.store.TrialState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code terrain studies list|show NAME}: what a study store holds. */
@Command(name = "studies",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "The studies of a store (terrain search records them) and their trials.",
        subcommands = {StudiesCommand.ListCommand.class, StudiesCommand.ShowCommand.class})
final class StudiesCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "say list or show NAME");
    }

    /** The --storage option of both subcommands. */
    static final class StorageOption {
        @Option(names = "--storage", paramLabel = "STORE", description = "sqlite:PATH or postgresql://HOST[:PORT]/DATABASE"
                + " (default: ${DEFAULT-VALUE}).")
        String storage = StoreLocation.DEFAULT;

        /** Where the store is, once opened: shown instead of the option's text, which may hold a password. */
        StoreLocation location;

        StudyStore open(CommandSpec spec) {
            StoreLocation.commandLineWarning(storage).ifPresent(System.err::println);
            try {
                location = StoreLocation.parse(storage);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            if (location.kind() == StoreLocation.Kind.SQLITE
                    && !java.nio.file.Files.exists(location.sqliteFile())) {
                throw new ParameterException(spec.commandLine(), "--storage " + location + ": no such file");
            }
            return JdbcStudyStore.open(location);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "One line per study: trials by state and the best score.")
    static final class ListCommand implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private VerboseOption verbose;

        @Mixin
        private StorageOption storage;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (StudyStore store = storage.open(spec)) {
                List<StudySummary> studies = store.studies();
                if (studies.isEmpty()) {
                    out.println("no studies in " + storage.location);
                    out.flush();
                    return 0;
                }
                out.printf("%-32s %-9s %6s %8s %7s %7s %7s %10s %6s%n", "study", "direction", "trials", "complete",
                        "pruned", "failed", "running", "best", "trial");
                for (StudySummary s : studies) {
                    int total = s.trialsByState().values().stream().mapToInt(Integer::intValue).sum();
                    out.printf(Locale.ROOT, "%-32s %-9s %6d %8d %7d %7d %7d %10s %6s%n", s.definition().name(),
                            s.definition().direction().name().toLowerCase(Locale.ROOT), total,
                            s.trialsByState().get(TrialState.COMPLETE), s.trialsByState().get(TrialState.PRUNED),
                            s.trialsByState().get(TrialState.FAILED), s.trialsByState().get(TrialState.RUNNING),
                            s.bestScore() == null ? "-" : String.format(Locale.ROOT, "%.4f", s.bestScore()),
                            s.bestTrial() < 0 ? "-" : Integer.toString(s.bestTrial()));
                }
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "A study's trials as a table, with their"
            + " parameters, scores per epoch and the reasons of failures and pruning.")
    static final class ShowCommand implements Callable<Integer> {
        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

        @Spec
        private CommandSpec spec;

        @Mixin
        private VerboseOption verbose;

        @Mixin
        private StorageOption storage;

        @Parameters(paramLabel = "NAME", description = "The study.")
        private String name;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (StudyStore store = storage.open(spec)) {
                StudyDefinition study = store.find(name).orElseThrow(() -> new ParameterException(spec.commandLine(),
                        "no study '" + name + "' in " + storage.location + " (terrain studies list shows them)"));
                out.printf("study %s: %s the score; generator %s, seed %d%n", study.name(),
                        study.direction().name().toLowerCase(Locale.ROOT), study.generator(), study.seed());
                out.printf("space: %s%n", study.space());
                out.printf("%5s  %-8s  %8s  %6s  %7s  %-19s  %-16s  %s%n", "trial", "state", "score", "epochs", "seconds",
                        "started (UTC)", "worker", "parameters / reason");
                for (StoredTrial t : store.trials(name)) {
                    out.printf(Locale.ROOT, "%5d  %-8s  %8s  %6d  %7.1f  %-19s  %-16s  %s%s%n", t.number(),
                            t.state().name().toLowerCase(Locale.ROOT),
                            t.score() == null ? "-" : String.format(Locale.ROOT, "%.4f", t.score()), t.intermediate().size(),
                            t.seconds(), TIME.format(Instant.ofEpochMilli(t.startedAt())), t.worker(), t.parameters(),
                            t.reason() == null ? "" : "  (" + t.reason().lines().findFirst().orElse("") + ")");
                }
            }
            out.flush();
            return 0;
        }
    }
}
