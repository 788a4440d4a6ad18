package org.terrain4j.cli;

import java.io.PrintStream;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.terrain4j.demo.EpochRecord;
import org.terrain4j.demo.TrainingProgress;

/**
 * A terminal progress bar per run (me.tongfei progressbar) showing the mini-batches done, the
 * smoothed loss and the last validation accuracy. Redrawn on a timer, so updating it per
 * iteration costs a counter increment.
 */
final class ConsoleProgress implements TrainingProgress {

    private static final double SMOOTHING = 0.05;

    private static final int MESSAGE_EVERY = 10;

    private final PrintStream err;
    private ProgressBar bar;
    private double smoothedLoss = Double.NaN;
    private double accuracy = Double.NaN;
    private int epoch;
    private long iterations;

    ConsoleProgress(PrintStream err) {
        this.err = err;
    }

    @Override
    public void start(String run, long totalIterations) {
        bar = new ProgressBarBuilder()
                .setTaskName(run)
                .setInitialMax(totalIterations)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(250)
                .setMaxRenderedLength(110)
                .setConsumer(new ConsoleProgressBarConsumer(err))
                .build();
    }

    @Override
    public void iteration(double loss) {
        smoothedLoss = Double.isNaN(smoothedLoss) ? loss : smoothedLoss + SMOOTHING * (loss - smoothedLoss);
        bar.step();
        if (++iterations % MESSAGE_EVERY == 0) {
            showMessage();
        }
    }

    private void showMessage() {
        bar.setExtraMessage(String.format(Locale.ROOT, "epoch %d, loss %.4f, val acc %.4f",
                epoch, smoothedLoss, accuracy));
    }

    @Override
    public void epochEnd(EpochRecord epoch) {
        accuracy = epoch.validationAccuracy();
        this.epoch = epoch.epoch();
        showMessage();
    }

    @Override
    public void finish() {
        bar.close();
    }
}
