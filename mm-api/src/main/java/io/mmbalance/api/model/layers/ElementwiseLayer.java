package io.mmbalance.api.model.layers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.mmbalance.api.export.OnnxGraph;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** A parameter-free function applied element by element, exported as one ONNX operator. */
abstract class ElementwiseLayer extends ParameterFreeLayer {

    private final String onnxOperator;
    private final UnaryOperator<NDArray> function;

    ElementwiseLayer(String onnxOperator, UnaryOperator<NDArray> function) {
        this.onnxOperator = onnxOperator;
        this.function = function;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store,
            NDList inputs,
            boolean training,
            PairList<String, Object> params) {
        return new NDList(function.apply(inputs.singletonOrThrow()));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    public List<String> exportOnnx(OnnxGraph graph, List<String> inputs) {
        return graph.addNode(onnxOperator, List.of(inputs.get(0)), 1, Map.of());
    }
}
