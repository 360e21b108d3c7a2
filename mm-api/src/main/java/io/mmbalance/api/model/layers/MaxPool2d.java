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
 * Two-dimensional max pooling over {@code (N, C, H, W)} with a square window, a stride and a
 * symmetric padding whose positions never win, output sizes rounded down (ONNX {@code MaxPool}).
 */
public final class MaxPool2d extends ParameterFreeLayer {

    private final int kernel;
    private final int stride;
    private final int padding;

    /**
     * Creates the layer.
     *
     * @param kernel the window's height and width, at least 1
     * @param stride the step between windows, at least 1
     * @param padding the padding on each side, from 0 to half the kernel
     */
    public MaxPool2d(int kernel, int stride, int padding) {
        if (kernel < 1 || stride < 1 || padding < 0 || 2 * padding > kernel) {
            throw new IllegalArgumentException(
                    "max pool needs kernel >= 1, stride >= 1 and 0 <= padding <= kernel / 2, got"
                            + " kernel "
                            + kernel
                            + ", stride "
                            + stride
                            + ", padding "
                            + padding);
        }
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
    }

    /**
     * Returns the window's height and width.
     *
     * @return the kernel size
     */
    public int kernel() {
        return kernel;
    }

    /**
     * Returns the step between windows.
     *
     * @return the stride
     */
    public int stride() {
        return stride;
    }

    /**
     * Returns the padding on each side.
     *
     * @return the padding
     */
    public int padding() {
        return padding;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store,
            NDList inputs,
            boolean training,
            PairList<String, Object> params) {
        return new NDList(
                Pool.maxPool2d(
                        inputs.singletonOrThrow(),
                        new Shape(kernel, kernel),
                        new Shape(stride, stride),
                        new Shape(padding, padding),
                        false));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {new Shape(in.get(0), in.get(1), out(in.get(2)), out(in.get(3)))};
    }

    private long out(long length) {
        return Math.floorDiv(length + 2L * padding - kernel, stride) + 1;
    }

    @Override
    public List<String> exportOnnx(OnnxGraph graph, List<String> inputs) {
        return graph.addNode(
                "MaxPool",
                List.of(inputs.get(0)),
                1,
                Map.of(
                        "kernel_shape", new long[] {kernel, kernel},
                        "strides", new long[] {stride, stride},
                        "pads", new long[] {padding, padding, padding, padding}));
    }
}
