package io.mmbalance.api.model.layers;

import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.mmbalance.api.export.OnnxGraph;
import java.util.List;
import java.util.Map;

/** Concatenates all its inputs along one axis (ONNX {@code Concat}). */
public final class Concat extends ParameterFreeLayer {

    private final int axis;

    /**
     * Creates the layer.
     *
     * @param axis the axis to join along, at least 1 (the batch axis 0 is never joined)
     */
    public Concat(int axis) {
        if (axis < 1) {
            throw new IllegalArgumentException("concat axis must be >= 1, got " + axis);
        }
        this.axis = axis;
    }

    /**
     * Returns the axis the inputs are joined along.
     *
     * @return the axis
     */
    public int axis() {
        return axis;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store,
            NDList inputs,
            boolean training,
            PairList<String, Object> params) {
        return new NDList(NDArrays.concat(inputs, axis));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long joined = 0;
        for (Shape shape : inputShapes) {
            joined += shape.get(axis);
        }
        long[] out = inputShapes[0].getShape();
        out[axis] = joined;
        return new Shape[] {new Shape(out)};
    }

    @Override
    public List<String> exportOnnx(OnnxGraph graph, List<String> inputs) {
        return graph.addNode("Concat", inputs, 1, Map.of("axis", (long) axis));
    }
}
