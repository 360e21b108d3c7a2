package io.mmbalance.core.train;

import java.util.Map;

/** Receives progress from a {@link Trainer}; every method has an empty default. */
public interface TrainingListener {

    /**
     * Called before an epoch's first step.
     *
     * @param epoch the epoch, 1-based
     * @param steps the number of steps in the epoch
     */
    default void epochStarted(int epoch, int steps) {}

    /**
     * Called after each training step.
     *
     * @param epoch the epoch
     * @param step the step within the epoch, 1-based
     * @param loss the total loss of the step
     * @param samplesPerSecond the running throughput of the epoch
     */
    default void stepFinished(int epoch, int step, double loss, double samplesPerSecond) {}

    /**
     * Called after an epoch, with its record as written to {@code metrics.jsonl}.
     *
     * @param epoch the epoch
     * @param record the epoch's metrics
     */
    default void epochFinished(int epoch, Map<String, Object> record) {}
}
