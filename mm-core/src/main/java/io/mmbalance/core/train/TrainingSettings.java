package io.mmbalance.core.train;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.util.List;

/**
 * The validated {@code training} section of a run configuration.
 *
 * @param oneJointLoss whether only the multimodal loss reaches the encoders
 * @param epochs the number of epochs
 * @param batchSize the training batch size
 * @param learningRate the initial learning rate
 * @param momentum the SGD momentum
 * @param weightDecay the L2 weight decay added to each gradient
 * @param decayEpochs the epochs (1-based) at whose start the learning rate is multiplied by
 *     {@code decayFactor}
 * @param decayFactor the decay factor
 * @param diagnosticsEvery record integrator diagnostics every this many steps (0 = never)
 * @param skipNonFinite skip steps with non-finite gradients instead of failing
 * @param stopAtStationary end training at a Pareto-stationary point
 * @param evalBatchSize the evaluation batch size
 * @param evalEveryEpoch evaluate after every epoch rather than only after the last
 * @param maxStepsPerEpoch cap on steps per epoch (0 = no cap)
 */
public record TrainingSettings(
        boolean oneJointLoss,
        int epochs,
        int batchSize,
        double learningRate,
        double momentum,
        double weightDecay,
        List<Integer> decayEpochs,
        double decayFactor,
        int diagnosticsEvery,
        boolean skipNonFinite,
        boolean stopAtStationary,
        int evalBatchSize,
        boolean evalEveryEpoch,
        int maxStepsPerEpoch) {

    /**
     * Reads and checks the section.
     *
     * @param c the merged {@code training} section
     * @return the settings
     * @throws ConfigException.BadValue when a value is out of range; the message names the key
     */
    public static TrainingSettings from(Config c) {
        String mode = c.getString("mode");
        if (!mode.equals("unimodal-losses") && !mode.equals("one-joint-loss")) {
            throw new ConfigException.BadValue(
                    "training.mode",
                    "'" + mode + "' is not a mode; use unimodal-losses or one-joint-loss");
        }
        TrainingSettings s =
                new TrainingSettings(
                        mode.equals("one-joint-loss"),
                        c.getInt("epochs"),
                        c.getInt("batch-size"),
                        c.getDouble("learning-rate"),
                        c.getDouble("momentum"),
                        c.getDouble("weight-decay"),
                        c.getIntList("lr-decay.epochs"),
                        c.getDouble("lr-decay.factor"),
                        c.getInt("diagnostics-every"),
                        c.getBoolean("skip-non-finite"),
                        c.getBoolean("stop-at-stationary"),
                        c.getInt("eval-batch-size"),
                        c.getBoolean("eval-every-epoch"),
                        c.getInt("max-steps-per-epoch"));
        positive(c, "epochs", s.epochs);
        positive(c, "batch-size", s.batchSize);
        positive(c, "eval-batch-size", s.evalBatchSize);
        if (!(s.learningRate > 0)) {
            throw bad(c, "learning-rate", s.learningRate + " must be > 0");
        }
        if (s.momentum < 0 || s.momentum >= 1) {
            throw bad(c, "momentum", s.momentum + " must be in [0, 1)");
        }
        if (s.weightDecay < 0) {
            throw bad(c, "weight-decay", s.weightDecay + " must be >= 0");
        }
        if (s.diagnosticsEvery < 0) {
            throw bad(c, "diagnostics-every", s.diagnosticsEvery + " must be >= 0");
        }
        if (s.maxStepsPerEpoch < 0) {
            throw bad(c, "max-steps-per-epoch", s.maxStepsPerEpoch + " must be >= 0");
        }
        return s;
    }

    /**
     * Returns the learning rate in force during an epoch (1-based).
     *
     * @param epoch the epoch
     * @return the learning rate
     */
    public double learningRateAt(int epoch) {
        double lr = learningRate;
        for (int e : decayEpochs) {
            if (epoch >= e) {
                lr *= decayFactor;
            }
        }
        return lr;
    }

    private static void positive(Config c, String key, int value) {
        if (value <= 0) {
            throw bad(c, key, value + " must be > 0");
        }
    }

    private static ConfigException bad(Config c, String key, String why) {
        return new ConfigException.BadValue("training." + key, why);
    }
}
