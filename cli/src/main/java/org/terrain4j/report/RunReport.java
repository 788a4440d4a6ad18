package org.terrain4j.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.terrain4j.curvature.SpectralDensity;

/**
 * The HTML report of one training run ({@link RunRecord}): the loss, each controlled layer's
 * learning rate with every rate change marked at its iteration and its reason on hover, the
 * gradient norm, the gradient noise scale against the batch size, the curvature probes when they
 * were on with the Hessian's spectral density at the first and the last probe (stochastic Lanczos
 * quadrature of the probe's own Lanczos run), and the list of events.
 */
public final class RunReport {

    /** Points of a drawn spectral density. */
    static final int SPECTRUM_POINTS = 200;
    /** Width of the Gaussian each quadrature node is spread by, relative to the spectrum's span. */
    static final double SPECTRUM_WIDTH = 0.02;

    private RunReport() {
    }

    /** Writes the report of {@code run} to {@code target} (replaced whole, or left as it was). */
    public static void write(RunRecord run, Path target) {
        HtmlPage.write(target, "run-report.html", "run-report.js", "Terrain: " + run.name(), data(run));
    }

    /** What the page's script draws: the statistics by column (null for NaN), the rates by layer, the events. */
    static Map<String, Object> data(RunRecord run) {
        Map<String, Object> series = new LinkedHashMap<>();
        Map<String, Object> rates = new LinkedHashMap<>();
        run.columns().forEach((name, values) -> {
            if (name.startsWith(RunRecord.RATE_PREFIX)) {
                rates.put(name.substring(RunRecord.RATE_PREFIX.length()), nullable(values));
            } else {
                series.put(name, nullable(values));
            }
        });
        List<Map<String, Object>> events = new ArrayList<>();
        for (JsonNode event : run.events()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("type", event.path("type").asText());
            e.put("iteration", event.path("iteration").asLong());
            e.put("epoch", event.path("epoch").asLong());
            e.put("terrain", event.path("terrain").asText(""));
            e.put("message", event.path("message").asText());
            e.put("before", event.path("learningRatesBefore"));
            e.put("after", event.path("learningRatesAfter"));
            e.put("rateChange", rateChanged(event));
            JsonNode curvature = event.path("curvature");
            if (curvature.isObject() && curvature.path("lambdaMax").isNumber()) {
                e.put("curvature", curvature);
            }
            events.add(e);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("spectra", spectra(run.events()));
        data.put("name", run.name());
        data.put("series", series);
        data.put("rates", rates);
        data.put("events", events);
        return data;
    }

    /**
     * The spectral density at the first and the last probe that kept its Lanczos quadrature
     * (one of them when there was one), each {@code {iteration, grid, density}}.
     */
    static List<Map<String, Object>> spectra(List<JsonNode> events) {
        List<JsonNode> probes = new ArrayList<>();
        for (JsonNode event : events) {
            JsonNode curvature = event.path("curvature");
            if (curvature.path("ritzValues").isArray() && curvature.path("ritzValues").size() > 0
                    && curvature.path("ritzWeights").size() == curvature.path("ritzValues").size()) {
                probes.add(event);
            }
        }
        List<Map<String, Object>> spectra = new ArrayList<>();
        for (JsonNode probe : probes.isEmpty() ? List.<JsonNode>of()
                : probes.size() == 1 ? probes : List.of(probes.get(0), probes.get(probes.size() - 1))) {
            JsonNode curvature = probe.path("curvature");
            double[] nodes = numbers(curvature.path("ritzValues"));
            double[] weights = numbers(curvature.path("ritzWeights"));
            SpectralDensity density = SpectralDensity.fromQuadrature(new double[][] {nodes}, new double[][] {weights},
                    SPECTRUM_POINTS, SPECTRUM_WIDTH);
            Map<String, Object> spectrum = new LinkedHashMap<>();
            spectrum.put("iteration", probe.path("iteration").asLong());
            spectrum.put("grid", density.grid());
            spectrum.put("density", density.density());
            spectra.add(spectrum);
        }
        return spectra;
    }

    private static double[] numbers(JsonNode array) {
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asDouble();
        }
        return values;
    }

    /** Whether the event changed some layer's learning rate. */
    static boolean rateChanged(JsonNode event) {
        JsonNode before = event.path("learningRatesBefore");
        JsonNode after = event.path("learningRatesAfter");
        if (!after.isObject() || after.isEmpty()) {
            return false;
        }
        for (var fields = after.fields(); fields.hasNext(); ) {
            var field = fields.next();
            if (!before.path(field.getKey()).isNumber()
                    || before.path(field.getKey()).asDouble() != field.getValue().asDouble()) {
                return true;
            }
        }
        return false;
    }

    private static Double[] nullable(double[] values) {
        Double[] boxed = new Double[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = Double.isFinite(values[i]) ? values[i] : null;
        }
        return boxed;
    }
}
