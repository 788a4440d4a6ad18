package org.terrain4j.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.terrain4j.study.store.StoredTrial;
import org.terrain4j.study.store.StudyDefinition;
import org.terrain4j.study.store.TrialDecision;
import org.terrain4j.study.store.TrialState;

/**
 * The HTML report of a study, from its store: the optimization history (each trial's score and
 * the best so far), every trial's intermediate scores with pruned trials marked, parallel
 * coordinates of the searched parameters coloured by score, how strongly each parameter's rank
 * goes with the score's, and per trial the Terrain decisions it went through.
 */
public final class StudyReport {

    private StudyReport() {
    }

    /** Writes the report of {@code study} to {@code target} (replaced whole, or left as it was). */
    public static void write(StudyDefinition study, List<StoredTrial> trials, Map<Integer, List<TrialDecision>> decisions,
                             Path target) {
        HtmlPage.write(target, "study-report.html", "study-report.js", "Terrain study: " + study.name(),
                data(study, trials, decisions));
    }

    /** What the page's script draws. */
    static Map<String, Object> data(StudyDefinition study, List<StoredTrial> trials,
                                    Map<Integer, List<TrialDecision>> decisions) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (StoredTrial t : trials) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("number", t.number());
            row.put("state", t.state().name());
            row.put("score", t.score() == null || !Double.isFinite(t.score()) ? null : t.score());
            row.put("point", t.point());
            row.put("parameters", t.parameters());
            row.put("reason", t.reason());
            row.put("intermediate", t.intermediate().stream().map(v -> Double.isFinite(v) ? v : null).toList());
            row.put("decisions", decisions.getOrDefault(t.number(), List.of()).stream().map(d -> {
                Map<String, Object> decision = new LinkedHashMap<>();
                decision.put("summary", d.summary());
                decision.put("kind", d.kind());
                decision.put("terrain", d.terrain());
                decision.put("epoch", d.epoch());
                decision.put("reason", d.reason());
                return decision;
            }).toList());
            rows.add(row);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("name", study.name());
        data.put("direction", study.direction().name());
        data.put("generator", study.generator());
        data.put("parameters", parameterNames(study.space(), dimension(trials)));
        data.put("importance", rankCorrelations(trials));
        data.put("trials", rows);
        return data;
    }

    private static int dimension(List<StoredTrial> trials) {
        return trials.isEmpty() ? 0 : trials.get(0).point().length;
    }

    /**
     * A name per coordinate: the searched leaves of the space description (those not marked
     * fixed) when there is one per coordinate, else {@code x1, x2, ...}.
     */
    static List<String> parameterNames(String space, int dimension) {
        int open = space.indexOf(" [");
        int close = space.lastIndexOf(']');
        List<String> leaves = new ArrayList<>();
        if (open >= 0 && close > open) {
            for (String leaf : space.substring(open + 2, close).split("; ")) {
                if (!leaf.startsWith("fixed ") && !leaf.isBlank()) {
                    leaves.add(leaf.length() > 60 ? leaf.substring(0, 57) + "..." : leaf);
                }
            }
        }
        if (leaves.size() == dimension) {
            return leaves;
        }
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= dimension; i++) {
            names.add("x" + i);
        }
        return names;
    }

    /**
     * Per coordinate, the absolute Spearman rank correlation between its value and the score over
     * the trials with a score (0 with fewer than 3): a first look at which parameters matter,
     * blind to interactions (no fANOVA), said so on the page.
     */
    static double[] rankCorrelations(List<StoredTrial> trials) {
        List<StoredTrial> scored = trials.stream().filter(t -> t.score() != null && Double.isFinite(t.score())
                && (t.state() == TrialState.COMPLETE || t.state() == TrialState.PRUNED)).toList();
        int d = dimension(trials);
        double[] importance = new double[d];
        if (scored.size() < 3) {
            return importance;
        }
        double[] scoreRanks = ranks(scored.stream().mapToDouble(StoredTrial::score).toArray());
        for (int i = 0; i < d; i++) {
            final int coordinate = i;
            double[] valueRanks = ranks(scored.stream().mapToDouble(t -> t.point()[coordinate]).toArray());
            double r = pearson(valueRanks, scoreRanks);
            importance[i] = Double.isFinite(r) ? Math.abs(r) : 0;
        }
        return importance;
    }

    /** Ranks from 1, ties sharing their mean rank. */
    static double[] ranks(double[] values) {
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        double[] ranks = new double[values.length];
        for (int i = 0; i < order.length; ) {
            int j = i;
            while (j + 1 < order.length && values[order[j + 1]] == values[order[i]]) {
                j++;
            }
            for (int k = i; k <= j; k++) {
                ranks[order[k]] = (i + j) / 2.0 + 1;
            }
            i = j + 1;
        }
        return ranks;
    }

    private static double pearson(double[] x, double[] y) {
        double mx = Arrays.stream(x).average().orElse(0);
        double my = Arrays.stream(y).average().orElse(0);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }
}
