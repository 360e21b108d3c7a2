package io.mmbalance.api.model.layers;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.mmbalance.api.export.OnnxGraph;
import java.util.List;
import java.util.Map;

/** The logistic function, {@code 1 / (1 + exp(-x))} elementwise (ONNX {@code Sigmoid}). */
public final class Sigmoid extends ParameterFreeLayer {

    /** Creates the layer. */
    public Sigmoid() {}

    @Override
    protected NDList forwardInternal(
            ParameterStore store,
            NDList inputs,
            boolean training,
            PairList<String, Object> params) {
        return new NDList(Activation.sigmoid(inputs.singletonOrThrow()));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    public List<String> exportOnnx(OnnxGraph graph, List<String> inputs) {
        return graph.addNode("Sigmoid", List.of(inputs.get(0)), 1, Map.of());
    }
}
