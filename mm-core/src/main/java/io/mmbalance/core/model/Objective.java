package io.mmbalance.core.model;

import ai.djl.nn.Block;
import java.util.List;

/**
 * One loss of the model: a head over some encoders' features, trained against one task's
 * labels.
 *
 * @param name the objective's name, e.g. "multimodal", "unimodal/gray" or "task/left"
 * @param encoders the indices of the encoder groups whose features the head reads, in order
 * @param head the head block; its forward takes an {@code NDList} of those features
 * @param task the index of the task whose labels train it
 * @param primary whether this is the primary (multimodal) objective
 * @param reachesEncoders whether its gradient flows into the encoders; false for a probe trained
 *     on detached features
 */
public record Objective(
        String name,
        List<Integer> encoders,
        Block head,
        int task,
        boolean primary,
        boolean reachesEncoders) {}
