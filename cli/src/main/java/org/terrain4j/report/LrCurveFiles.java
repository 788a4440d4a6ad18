package org.terrain4j.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.terrain4j.schedule.LrRangeCurve;

/** Writes a learning-rate range test as CSV ({@code rate,loss,smoothed_loss}) and as a PNG chart. */
public final class LrCurveFiles {

    private LrCurveFiles() {
    }

    /** Writes the curve as CSV with a header line. */
    public static void writeCsv(LrRangeCurve curve, Path file) {
        List<String> lines = new ArrayList<>();
        lines.add("rate,loss,smoothed_loss");
        for (int i = 0; i < curve.rates().length; i++) {
            lines.add(String.format(Locale.ROOT, "%.6e,%.6f,%.6f", curve.rates()[i], curve.losses()[i],
                    curve.smoothedLosses()[i]));
        }
        try {
            Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Plots loss and smoothed loss against the rate (log scale) with both suggestions marked. */
    public static void writePng(LrRangeCurve curve, String title, Path file) {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(900).height(560).title(title)
                .xAxisTitle("learning rate").yAxisTitle("loss").build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setMarkerSize(4);
        XYSeries raw = chart.addSeries("loss", curve.rates(), curve.losses());
        raw.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        raw.setMarker(SeriesMarkers.CIRCLE);
        chart.addSeries("smoothed loss", curve.rates(), curve.smoothedLosses()).setMarker(SeriesMarkers.NONE);
        mark(chart, "steepest " + format(curve.steepest()), curve.steepest(), curve);
        mark(chart, "minimum / 10 " + format(curve.minimumOverTen()), curve.minimumOverTen(), curve);
        String name = file.getFileName().toString();
        String base = name.endsWith(".png") ? file.toString().substring(0, file.toString().length() - 4) : file.toString();
        try {
            BitmapEncoder.saveBitmap(chart, base, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void mark(XYChart chart, String label, double rate, LrRangeCurve curve) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (double loss : curve.smoothedLosses()) {
            low = Math.min(low, loss);
            high = Math.max(high, loss);
        }
        chart.addSeries(label, new double[] {rate, rate}, new double[] {low, high}).setMarker(SeriesMarkers.NONE);
    }

    private static String format(double rate) {
        return String.format(Locale.ROOT, "%.2e", rate);
    }
}
