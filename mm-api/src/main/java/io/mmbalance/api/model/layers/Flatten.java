package io.mmbalance.api.model.layers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.mmbalance.api.export.OnnxGraph;
import java.util.List;
import java.util.Map;

/**
 * Flattens every axis after the batch axis: {@code (N, d1, ..., dk)} to {@code (N, d1 * ... * dk)}
 * (ONNX {@code Flatten} with axis 1).
 */
public final class Flatten extends ParameterFreeLayer {

    /** Creates the layer. */
    public Flatten() {}

    @Override
    protected NDList forwardInternal(
            ParameterStore store,
            NDList inputs,
            boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        Shape shape = x.getShape();
        return new NDList(x.reshape(shape.get(0), shape.slice(1).size()));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {new Shape(in.get(0), in.slice(1).size())};
    }

    @Override
    public List<String> exportOnnx(OnnxGraph graph, List<String> inputs) {
        return graph.addNode("Flatten", List.of(inputs.get(0)), 1, Map.of("axis", 1L));
    }
}
