package org.terrain4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.terrain4j.cli.TerrainCommand;
import org.terrain4j.control.ProbeSchedule;
import org.terrain4j.data.DatasetSplit;
import org.terrain4j.data.Datasets;
import org.terrain4j.demo.DemoNetworks;
import org.terrain4j.listeners.CurvatureOptions;
import org.terrain4j.listeners.TerrainListener;

/**
 * Training and study reports opened in a real headless browser (Debian's chromium, which scripts/test
 * installs): the page loads from the file alone, its script runs to the end without an error on
 * the console, and every chart has drawn lines into its SVG.
 */
class ReportBrowserIT {

    private static final Pattern CHART = Pattern.compile("<div class=\"[^\"]*\" id=\"([a-z-]+)\" data-chart=\"[a-z]+\"[^>]*>");

    @TempDir
    Path run;

    @Test
    void everyChartOfARealRunDrawsInChromiumWithoutConsoleErrors() throws Exception {
        DatasetSplit digits = Datasets.digits(42);
        MultiLayerNetwork net = DemoNetworks.mlp(digits.train().numInputs(), List.of(64), digits.numClasses(), 0.3, 42);
        TerrainListener listener = TerrainListener.builder()
                .curvature(CurvatureOptions.DEFAULTS.withSchedule(new ProbeSchedule(40, 40, 0.5)))
                .runDirectory(run).build();
        net.addListeners(listener);
        for (int epoch = 0; epoch < 8; epoch++) {
            net.fit(digits.trainIterator(128, 42 + epoch));
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = TerrainCommand.execute(new String[] {"report", run.toString()}, new PrintWriter(out, true),
                new PrintWriter(err, true));
        assertThat(exit).as(err.toString()).isZero();

        Browser page = Browser.load(run.resolve("report.html"));

        assertEveryChartDrew(page, "loss-chart", "monitored-chart", "rate-chart", "gradient-chart", "noise-chart", "curvature-chart",
                "spectrum-chart");
    }

    @Test
    void aStudyReportOfARealSearchDrawsEveryChartAndListsEachTrialsDecisions() throws Exception {
        String store = "sqlite:" + run.resolve("studies.db");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int searched = TerrainCommand.execute(new String[] {"search", "--dataset", "digits", "--generator", "tpe",
                "--trials", "6", "--epochs", "4", "--pruner", "median", "--storage", store, "--study", "digits-report",
                "--models", run.resolve("models").toString()}, new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(searched).as(err.toString()).isZero();
        Path page = run.resolve("study.html");
        int reported = TerrainCommand.execute(new String[] {"studies", "report", "digits-report", "--storage", store,
                "--output", page.toString()}, new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(reported).as(err.toString()).isZero();

        Browser browser = Browser.load(page);

        assertEveryChartDrew(browser, "history-chart", "intermediate-chart", "parallel-chart", "importance-chart");
        assertThat(countOf(browser.dom.substring(browser.dom.indexOf("<table id=\"trials\"")), "<tr>")).isEqualTo(7);
    }

    /** No console message, the script ran to its end, and each chart, in this order, drew SVG paths. */
    private static void assertEveryChartDrew(Browser page, String... expected) {
        assertThat(page.console).as("console messages (the page writes none; errors are logged there)").isEmpty();
        assertThat(page.dom).contains("data-drawn=\"true\"");
        List<String> charts = new ArrayList<>();
        Matcher chart = CHART.matcher(page.dom);
        while (chart.find()) {
            String inside = page.dom.substring(chart.end(), nextHeadingOrEnd(page.dom, chart.end()));
            charts.add(chart.group(1));
            assertThat(inside).as(chart.group(1)).contains("<svg");
            assertThat(countOf(inside, "<path")).as("SVG paths drawn in %s", chart.group(1)).isGreaterThanOrEqualTo(5);
        }
        assertThat(charts).containsExactly(expected);
    }

    private static int nextHeadingOrEnd(String dom, int from) {
        int next = dom.indexOf("<h2>", from);
        return next < 0 ? dom.length() : next;
    }

    private static int countOf(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            count++;
        }
        return count;
    }

    /** A page as headless chromium left it after running its scripts, and what chromium logged. */
    private record Browser(String dom, List<String> console) {

        static Browser load(Path page) throws IOException, InterruptedException {
            Path chromium = Path.of("/usr/bin/chromium");
            if (!Files.isExecutable(chromium)) {
                throw new IllegalStateException("Debian's chromium is not installed (scripts/test installs it)");
            }
            Path dom = Files.createTempFile(page.getParent(), "dom", ".html");
            Path log = Files.createTempFile(page.getParent(), "chromium", ".log");
            Process process = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                    "--user-data-dir=" + page.getParent().resolve("chromium-profile"), "--enable-logging=stderr", "--v=0",
                    "--virtual-time-budget=5000", "--dump-dom", page.toUri().toString())
                    .redirectOutput(dom.toFile()).redirectError(log.toFile()).start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("chromium did not finish loading " + page + " in 120 s");
            }
            List<String> console = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                    .filter(line -> line.contains(":CONSOLE")).toList();
            return new Browser(Files.readString(dom, StandardCharsets.UTF_8), console);
        }
    }
}
