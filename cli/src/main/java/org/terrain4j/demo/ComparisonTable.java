package org.terrain4j.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The demo's closing side-by-side table: one row per run with its epochs, best validation
 * accuracy and when it was reached, test accuracy of the final model, learning-rate changes
 * and why they happened. A pure function of the results.
 */
public final class ComparisonTable {

    private static final List<String> HEADER = List.of("run", "epochs", "best val acc (epoch)",
            "test acc", "LR changes", "why", "time");

    private ComparisonTable() {
    }

    /**
     * Formats the runs as a plain-text table.
     *
     * @param runs the runs, in the order to show them
     * @param startingRate the learning rate every run started with
     */
    public static String format(List<RunResult> runs, double startingRate) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (RunResult run : runs) {
            rows.add(row(run, startingRate));
        }
        int[] widths = new int[HEADER.size()];
        for (List<String> row : rows) {
            for (int c = 0; c < row.size(); c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        StringBuilder table = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            table.append(line(rows.get(r), widths)).append('\n');
            if (r == 0) {
                table.append(rule(widths)).append('\n');
            }
        }
        return table.toString();
    }

    private static List<String> row(RunResult run, double startingRate) {
        EpochRecord best = run.bestEpoch();
        List<LearningRateChange> changes = run.learningRateChanges(startingRate);
        String changeText = changes.isEmpty() ? "none" : changes.stream()
                .map(c -> String.format(Locale.ROOT, "e%d %s->%s", c.epoch(), rate(c.from()), rate(c.to())))
                .collect(Collectors.joining(", "));
        String why = changes.isEmpty() ? "-" : changes.stream().map(LearningRateChange::reason)
                .distinct().collect(Collectors.joining("; "));
        return List.of(run.name(), Integer.toString(run.epochs().size()),
                String.format(Locale.ROOT, "%.4f (%d)", best.validationAccuracy(), best.epoch()),
                String.format(Locale.ROOT, "%.4f", run.testAccuracy()), changeText, why,
                String.format(Locale.ROOT, "%.1f s", run.elapsed().toMillis() / 1000.0));
    }

    private static String rate(double value) {
        return String.format(Locale.ROOT, "%.3g", value);
    }

    private static String line(List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            if (c > 0) {
                line.append(" | ");
            }
            line.append(String.format("%-" + widths[c] + "s", cells.get(c)));
        }
        return line.toString().stripTrailing();
    }

    private static String rule(int[] widths) {
        StringBuilder rule = new StringBuilder();
        for (int c = 0; c < widths.length; c++) {
            if (c > 0) {
                rule.append("-+-");
            }
            rule.append("-".repeat(widths[c]));
        }
        return rule.toString();
    }
}
