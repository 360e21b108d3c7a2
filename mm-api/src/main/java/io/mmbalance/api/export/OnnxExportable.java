package io.mmbalance.api.export;

import java.util.List;

/**
 * A block that can write its inference-mode forward pass (BatchNorm with running statistics, no
 * dropout) as ONNX nodes.
 *
 * <p>Plugin blocks implement this so that {@code mm export} can translate them; a block that
 * neither implements it nor is a DJL block the exporter knows is reported by name as
 * unsupported.
 */
public interface OnnxExportable {

    /**
     * Emits the nodes that compute this block's outputs from its inputs.
     *
     * @param graph the graph being built
     * @param inputs the names of the values this block receives, in forward order
     * @return the names of the values it produces, in forward order
     */
    List<String> exportOnnx(OnnxGraph graph, List<String> inputs);
}
