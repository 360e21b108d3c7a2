package io.mmbalance.core.model;

import ai.djl.nn.Block;

/**
 * One encoder: a shared parameter group whose gradients the integrator combines.
 *
 * @param name the group's name (the modality name, or "shared" in multi-task models)
 * @param modality the index of the modality it reads
 * @param block the encoder block
 * @param features the size of the features it produces
 */
public record EncoderGroup(String name, int modality, Block block, long features) {}
