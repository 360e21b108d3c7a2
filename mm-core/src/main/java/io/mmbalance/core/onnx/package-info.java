/**
 * Export of trained models to ONNX and inference through ONNX Runtime: {@link
 * io.mmbalance.core.onnx.OnnxExporter} writes the graph, {@link
 * io.mmbalance.core.onnx.OnnxRuntimeModel} runs it by input name, and {@link
 * io.mmbalance.core.onnx.ParityCheck} proves that both give the framework's own logits.
 */
package io.mmbalance.core.onnx;
