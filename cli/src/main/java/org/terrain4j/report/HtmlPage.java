package org.terrain4j.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One self-contained HTML report: the reports' shared head and style around a page's body
 * template, with Apache ECharts (from its WebJar on the class path), the page's script and its
 * data inlined, so that it opens offline. Written to a temporary file beside the target and
 * moved into place: a failure leaves no partial page.
 */
final class HtmlPage {

    private static final String ECHARTS_POM = "/META-INF/maven/org.webjars.npm/echarts/pom.properties";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(title|echarts|script|data)}}");
    private static final String HEAD = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            + "<title>{{title}}</title>\n<style>\n";
    private static final ObjectMapper JSON = new ObjectMapper();

    private HtmlPage() {
    }

    /**
     * Writes the page.
     *
     * @param template the page's body, a resource beside this class ({@code {{title}}},
     *                 {@code {{echarts}}}, {@code {{data}}} and {@code {{script}}} are replaced)
     * @param script the page's own script resource beside this class
     * @param title the page title (escaped here)
     * @param data what the script draws, serialized as JSON
     */
    static void write(Path target, String template, String script, String title, Object data) {
        String json;
        try {
            json = JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize the report's data: " + e.getMessage(), e);
        }
        Map<String, String> parts = Map.of("title", escapeHtml(title), "echarts", inScript(echarts()),
                "script", inScript(resource(script)), "data", inScript(json));
        // one pass: what is put in is never searched for placeholders
        String whole = HEAD + resource("report.css") + "</style>\n</head>\n<body>\n" + resource(template)
                + "</body>\n</html>\n";
        String page = PLACEHOLDER.matcher(whole).replaceAll(m -> Matcher.quoteReplacement(parts.get(m.group(1))));
        Path absolute = target.toAbsolutePath();
        Path temporary = null;
        try {
            temporary = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".tmp");
            Files.writeString(temporary, page, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report " + target + ": " + e.getMessage(), e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // the move succeeded or the write failed and was reported
                }
            }
        }
    }

    /** ECharts's browser build, from the WebJar whose version the parent pom pins. */
    private static String echarts() {
        Properties pom = new Properties();
        try (InputStream in = HtmlPage.class.getResourceAsStream(ECHARTS_POM)) {
            if (in == null) {
                throw new IllegalStateException("the class path lacks the ECharts WebJar (" + ECHARTS_POM + ")");
            }
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + ECHARTS_POM + ": " + e.getMessage(), e);
        }
        return resourceAt("/META-INF/resources/webjars/echarts/" + pom.getProperty("version") + "/dist/echarts.min.js");
    }

    /** Text that cannot end the script element it is inlined into. */
    static String inScript(String text) {
        return text.replace("</", "<\\/").replace("<!--", "<\\!--");
    }

    static String escapeHtml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String resource(String name) {
        return resourceAt("/org/terrain4j/report/" + name);
    }

    private static String resourceAt(String path) {
        try (InputStream in = HtmlPage.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("the class path lacks " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }
}
