package io.mmbalance.cli;

import io.mmbalance.core.train.TrainingListener;
import java.util.Map;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Shows a progress bar per epoch with the running loss and samples per second. */
final class ProgressListener implements TrainingListener {

    private final boolean enabled;
    private ProgressBar bar;
    private double lossSum;

    ProgressListener(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public void epochStarted(int epoch, int steps) {
        if (!enabled) {
            return;
        }
        lossSum = 0;
        bar =
                new ProgressBarBuilder()
                        .setTaskName("epoch " + epoch)
                        .setInitialMax(steps)
                        .setStyle(ProgressBarStyle.ASCII)
                        .setUpdateIntervalMillis(500)
                        .continuousUpdate()
                        .build();
    }

    @Override
    public void stepFinished(int epoch, int step, double loss, double samplesPerSecond) {
        if (bar == null) {
            return;
        }
        lossSum += loss;
        bar.stepTo(step);
        bar.setExtraMessage(
                String.format(" loss %.4f, %.0f samples/s", lossSum / step, samplesPerSecond));
    }

    @Override
    public void epochFinished(int epoch, Map<String, Object> record) {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
