package io.mmbalance.api.model.layers;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.mmbalance.api.export.OnnxGraph;
import java.util.List;
import java.util.Map;

/** The rectified linear unit, {@code max(x, 0)} elementwise (ONNX {@code Relu}). */
public final class Relu extends ParameterFreeLayer {

    /** Creates the layer. */
    public Relu() {}

    @Override
    protected NDList forwardInternal(
            ParameterStore store,
            NDList inputs,
            boolean training,
            PairList<String, Object> params) {
        return new NDList(Activation.relu(inputs.singletonOrThrow()));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    public List<String> exportOnnx(OnnxGraph graph, List<String> inputs) {
        return graph.addNode("Relu", List.of(inputs.get(0)), 1, Map.of());
    }
}
