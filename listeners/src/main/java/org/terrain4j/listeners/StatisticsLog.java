package org.terrain4j.listeners;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.terrain4j.terrain.CurvatureSnapshot;

/**
 * The compact statistics file a training report is drawn from: one CSV row every {@code period}
 * iterations with the means of the mini-batch loss and gradient norm over those iterations, the
 * gradient noise scale and batch size, the newest curvature probe, the value a check watched when
 * one came since the last row ({@code monitored}: the validation metric when the listener monitors
 * a validation set, else the mean training loss since the check before), and the learning rate of
 * each controlled layer (a column each, named {@code lr:LAYER}). A row's {@code iteration} counts the
 * iterations done; its rates are those the last of them used, so a decision taken at iteration
 * {@code N} (an event's iteration: the next update's) shows in the first row after {@code N}.
 *
 * <p>On the hot path an iteration adds two numbers to two sums; a row is formatted once per
 * period into a buffered writer, which is flushed at epoch ends. A write failure is logged once
 * and ends the file, never the training.
 */
final class StatisticsLog {

    private static final Logger LOG = LoggerFactory.getLogger(StatisticsLog.class);
    /** The fixed columns, before the per-layer rates. */
    static final String HEADER = "iteration,epoch,loss,gradient_norm,noise_scale,batch_size,lambda_min,lambda_max,trace,"
            + "monitored";

    private final Path file;
    private final int period;
    private BufferedWriter writer;
    private String[] layers;
    private double lossSum;
    private double gradientNormSum;
    private int lossCount;
    private int gradientNormCount;
    private boolean failed;
    private double monitored = Double.NaN;

    /**
     * @param file the CSV file to write (replaced), or null for none
     * @param period iterations a row summarizes, positive
     */
    StatisticsLog(Path file, int period) {
        this.file = file;
        this.period = period;
    }

    /** Whether rows are written at all. */
    boolean enabled() {
        return file != null && !failed;
    }

    /** Adds one iteration's mini-batch gradient norm (non-finite values are left out of the mean). */
    void addGradientNorm(double norm) {
        if (Double.isFinite(norm)) {
            gradientNormSum += norm;
            gradientNormCount++;
        }
    }

    /** Records the value a check watched, for the next row. */
    void checked(double value) {
        monitored = value;
    }

    /** Adds one iteration's mini-batch loss; true when a row is due after this iteration. */
    boolean addLoss(double loss, long iteration) {
        if (Double.isFinite(loss)) {
            lossSum += loss;
            lossCount++;
        }
        return enabled() && (iteration + 1) % period == 0;
    }

    /**
     * Writes the row of the iterations since the last one. The layers of the first row fix the
     * columns; a layer that later has no rate gets an empty cell.
     */
    void writeRow(long iteration, long epoch, double noiseScale, int batchSize, CurvatureSnapshot curvature,
                  Map<String, Double> rates) {
        if (!enabled()) {
            return;
        }
        try {
            if (writer == null) {
                open(rates);
            }
            StringBuilder row = new StringBuilder(128);
            row.append(iteration).append(',').append(epoch).append(',')
                    .append(number(lossCount == 0 ? Double.NaN : lossSum / lossCount)).append(',')
                    .append(number(gradientNormCount == 0 ? Double.NaN : gradientNormSum / gradientNormCount))
                    .append(',').append(number(noiseScale)).append(',').append(batchSize).append(',');
            boolean probed = curvature != null && curvature.conclusive();
            row.append(number(probed ? curvature.lambdaMin() : Double.NaN)).append(',')
                    .append(number(probed ? curvature.lambdaMax() : Double.NaN)).append(',')
                    .append(number(probed ? curvature.trace() : Double.NaN)).append(',').append(number(monitored));
            for (String layer : layers) {
                Double rate = rates.get(layer);
                row.append(',').append(rate == null ? "" : number(rate));
            }
            writer.write(row.toString());
            writer.newLine();
        } catch (IOException e) {
            fail(e);
        }
        monitored = Double.NaN;
        lossSum = 0;
        gradientNormSum = 0;
        lossCount = 0;
        gradientNormCount = 0;
    }

    /** Pushes buffered rows to the file (at epoch ends). */
    void flush() {
        if (writer != null && !failed) {
            try {
                writer.flush();
            } catch (IOException e) {
                fail(e);
            }
        }
    }

    private void open(Map<String, Double> rates) throws IOException {
        layers = rates.keySet().toArray(String[]::new);
        writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        StringBuilder header = new StringBuilder(HEADER);
        for (String layer : layers) {
            header.append(",lr:").append(layer.replace(',', '_'));
        }
        writer.write(header.toString());
        writer.newLine();
    }

    private void fail(IOException e) {
        failed = true;
        LOG.error("cannot write training statistics to {}; no more rows are written: {}", file, e.toString());
        try {
            if (writer != null) {
                writer.close();
            }
        } catch (IOException ignored) {
            // already reported
        }
    }

    /** Fails when the listener is built, naming the file, if the file's directory does not exist. */
    void requireDirectory() {
        if (file == null) {
            return;
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new IllegalArgumentException("cannot write the statistics file " + file + ": no directory " + parent);
        }
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.6g", value);
    }
}
