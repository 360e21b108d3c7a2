/**
 * How blocks describe themselves as ONNX nodes: a block that implements {@link
 * io.mmbalance.api.export.OnnxExportable} emits its inference-mode computation into an {@link
 * io.mmbalance.api.export.OnnxGraph}.
 */
package io.mmbalance.api.export;
