package io.mmbalance.api.model.layers;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.mmbalance.api.export.OnnxGraph;
import java.util.List;
import java.util.Map;

/** The hyperbolic tangent, elementwise (ONNX {@code Tanh}). */
public final class Tanh extends ParameterFreeLayer {

    /** Creates the layer. */
    public Tanh() {}

    @Override
    protected NDList forwardInternal(
            ParameterStore store,
            NDList inputs,
            boolean training,
            PairList<String, Object> params) {
        return new NDList(Activation.tanh(inputs.singletonOrThrow()));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    public List<String> exportOnnx(OnnxGraph graph, List<String> inputs) {
        return graph.addNode("Tanh", List.of(inputs.get(0)), 1, Map.of());
    }
}
