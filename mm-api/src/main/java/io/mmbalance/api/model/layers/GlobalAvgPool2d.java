package io.mmbalance.api.model.layers;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.mmbalance.api.export.OnnxGraph;
import java.util.List;
import java.util.Map;

/**
 * The mean over height and width: {@code (N, C, H, W)} to {@code (N, C)} (ONNX {@code
 * GlobalAveragePool}, then {@code Flatten}).
 */
public final class GlobalAvgPool2d extends ParameterFreeLayer {

    /** Creates the layer. */
    public GlobalAvgPool2d() {}

    @Override
    protected NDList forwardInternal(
            ParameterStore store,
            NDList inputs,
            boolean training,
            PairList<String, Object> params) {
        return new NDList(Pool.globalAvgPool2d(inputs.singletonOrThrow()));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0].slice(0, 2)};
    }

    @Override
    public List<String> exportOnnx(OnnxGraph graph, List<String> inputs) {
        String pooled = graph.addNode("GlobalAveragePool", inputs, 1, Map.of()).get(0);
        return graph.addNode("Flatten", List.of(pooled), 1, Map.of("axis", 1L));
    }
}
