/**
 * Parameter-free layers that carry their attributes, so that the exporter can translate them:
 * activations, pooling, flattening and concatenation. Each runs its DJL forward pass and emits the
 * same computation as ONNX nodes; use them in place of DJL's lambda blocks, whose functions are
 * opaque to the exporter.
 */
package io.mmbalance.api.model.layers;
