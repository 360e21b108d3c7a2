package io.mmbalance.api.export;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import java.util.List;
import java.util.Map;

/** An ONNX graph under construction, as seen by an {@link OnnxExportable} block. */
public interface OnnxGraph {

    /**
     * Returns a value name not used yet, derived from a hint.
     *
     * @param hint a readable stem, e.g. "conv1.weight"
     * @return the unique name
     */
    String uniqueName(String hint);

    /**
     * Adds a constant tensor (a parameter or a constant) to the graph.
     *
     * @param hint a readable stem for its name
     * @param value the value; float32 and int64 arrays are supported
     * @return the name of the constant
     */
    String addInitializer(String hint, NDArray value);

    /**
     * Adds an int64 constant, e.g. a shape for Reshape or axes for ReduceMean.
     *
     * @param hint a readable stem for its name
     * @param values the values
     * @return the name of the constant (a 1-D tensor)
     */
    String addInt64s(String hint, long... values);

    /**
     * Adds one node.
     *
     * @param opType the ONNX operator, e.g. "Conv" or "Gemm"
     * @param inputs the input value names ("" for an omitted optional input)
     * @param outputs the number of outputs
     * @param attributes attribute values: {@code Long}, {@code Integer}, {@code Float}, {@code
     *     Double}, {@code String}, {@code long[]}, {@code int[]} or {@code float[]}
     * @return the names of the node's outputs
     */
    List<String> addNode(
            String opType, List<String> inputs, int outputs, Map<String, Object> attributes);

    /**
     * Exports a child block through the exporter (DJL blocks it knows, or {@link
     * OnnxExportable} blocks).
     *
     * @param block the child block
     * @param inputs the names of its inputs
     * @return the names of its outputs
     * @throws UnsupportedOperationException when the block cannot be exported; the message names
     *     the block
     */
    List<String> exportChild(Block block, List<String> inputs);
}
