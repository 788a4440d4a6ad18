package org.terrain4j.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.terrain4j.report.StudyReport;
import org.terrain4j.study.store.JdbcStudyStore;
import org.terrain4j.study.store.StoreLocation;
import org.terrain4j.study.store.StoredTrial;
import org.terrain4j.study.store.StudyDefinition;
import org.terrain4j.study.store.StudyName;
import org.terrain4j.study.store.StudyStore;
import org.terrain4j.study.store.StudySummary;
import org.terrain4j.study.store.TrialDecision;
import org.terrain4j.study.store.TrialState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code terrain studies list|show NAME|report NAME}: what a study store holds. */
@Command(name = "studies",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "The studies of a store (terrain search records them) and their trials.",
        subcommands = {StudiesCommand.ListCommand.class, StudiesCommand.ShowCommand.class,
                StudiesCommand.ReportCommand.class})
final class StudiesCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "say list, show NAME or report NAME");
    }

    /** The --storage option of the subcommands. */
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

        /** The study of that name in {@code store}, opened by {@link #open}; a usage error when there is none. */
        StudyDefinition study(StudyStore store, String name, CommandSpec spec) {
            return store.find(name).orElseThrow(() -> new ParameterException(spec.commandLine(),
                    "no study '" + name + "' in " + location + " (terrain studies list shows them)"));
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

    /** What the subcommands about one study take: the study's name, where its store is, --verbose. */
    static final class StudyArguments {
        @Mixin
        VerboseOption verbose;

        @Mixin
        StorageOption storage;

        @Parameters(paramLabel = "NAME", description = "The study.")
        String name;
    }

    /** A trial's decisions on one line: the first eight rate changes and how many more. */
    static String decisionSummary(List<TrialDecision> decisions) {
        int shown = Math.min(8, decisions.size());
        String line = String.join(", ", decisions.subList(0, shown).stream().map(TrialDecision::summary).toList());
        return decisions.size() > shown ? line + ", ... " + (decisions.size() - shown) + " more" : line;
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "A study's trials as a table, with their"
            + " parameters, scores per epoch and the reasons of failures and pruning.")
    static final class ShowCommand implements Callable<Integer> {
        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

        @Spec
        private CommandSpec spec;

        @Mixin
        private StudyArguments arguments;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (StudyStore store = arguments.storage.open(spec)) {
                StudyDefinition study = arguments.storage.study(store, arguments.name, spec);
                out.printf("study %s: %s the score; generator %s, seed %d%n", study.name(),
                        study.direction().name().toLowerCase(Locale.ROOT), study.generator(), study.seed());
                out.printf("space: %s%n", study.space());
                out.printf("%5s  %-8s  %8s  %6s  %7s  %-19s  %-16s  %s%n", "trial", "state", "score", "epochs", "seconds",
                        "started (UTC)", "worker", "parameters / reason");
                Map<Integer, List<TrialDecision>> decisions = store.decisions(arguments.name);
                List<StoredTrial> trials = store.trials(arguments.name);
                for (StoredTrial t : trials) {
                    out.printf(Locale.ROOT, "%5d  %-8s  %8s  %6d  %7.1f  %-19s  %-16s  %s%s%n", t.number(),
                            t.state().name().toLowerCase(Locale.ROOT),
                            t.score() == null ? "-" : String.format(Locale.ROOT, "%.4f", t.score()), t.intermediate().size(),
                            t.seconds(), TIME.format(Instant.ofEpochMilli(t.startedAt())), t.worker(), t.parameters(),
                            t.reason() == null ? "" : "  (" + t.reason().lines().findFirst().orElse("") + ")");
                    List<TrialDecision> taken = decisions.getOrDefault(t.number(), List.of());
                    if (!taken.isEmpty()) {
                        out.println("       Terrain: " + decisionSummary(taken));
                    }
                }
                Map<String, Long> provenance = trials.stream().filter(t -> !t.provenance().isEmpty())
                        .collect(java.util.stream.Collectors.groupingBy(StoredTrial::provenance,
                                java.util.TreeMap::new, java.util.stream.Collectors.counting()));
                provenance.forEach((ran, count) -> out.println("ran on " + ran + ": " + count + " trial(s)"));
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "report", mixinStandardHelpOptions = true, description = "A study as one HTML page that opens"
            + " offline: optimization history, intermediate scores with pruned trials marked, parallel coordinates,"
            + " parameters whose rank goes with the score's, and each trial's Terrain decisions.")
    static final class ReportCommand implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private StudyArguments arguments;

        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "The page to write (default: NAME.html).")
        private Path output;

        @Override
        public Integer call() {
            try {
                StudyName.check(arguments.name);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            Path target = output != null ? output : Path.of(arguments.name + ".html");
            Path directory = target.toAbsolutePath().getParent();
            if (directory == null || !Files.isDirectory(directory)) {
                throw new ParameterException(spec.commandLine(), "--output " + target + ": no directory " + directory);
            }
            try (StudyStore store = arguments.storage.open(spec)) {
                StudyDefinition study = arguments.storage.study(store, arguments.name, spec);
                StudyReport.write(study, store.trials(arguments.name), store.decisions(arguments.name), target);
            }
            spec.commandLine().getOut().println("Report: " + target);
            return 0;
        }
    }
}
