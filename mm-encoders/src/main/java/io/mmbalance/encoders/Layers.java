package io.mmbalance.encoders;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import io.mmbalance.api.export.OnnxGraph;
import java.util.List;
import java.util.Map;

/** Builders for the layers the convolutional encoders share, and their output sizes. */
final class Layers {

    private Layers() {}

    /** Returns a square convolution without bias, as used before a batch normalisation. */
    static Conv2d conv(int filters, int kernel, int stride, int pad) {
        return Conv2d.builder()
                .setFilters(filters)
                .setKernelShape(new Shape(kernel, kernel))
                .optStride(new Shape(stride, stride))
                .optPadding(new Shape(pad, pad))
                .optBias(false)
                .build();
    }

    /** Returns a batch normalisation over the channel axis (epsilon 1e-5, momentum 0.9). */
    static BatchNorm batchNorm() {
        return BatchNorm.builder().optAxis(1).optEpsilon(1e-5f).optMomentum(0.9f).build();
    }

    /** Returns the output length of a window of {@code kernel}, stride and padding. */
    static long windowOut(long length, int kernel, int stride, int pad) {
        return Math.floorDiv(length + 2L * pad - kernel, stride) + 1;
    }

    /** Returns {@code (n, c, h, w)} with h and w passed through a window. */
    static Shape windowed(Shape nchw, long channels, int kernel, int stride, int pad) {
        return new Shape(
                nchw.get(0),
                channels,
                windowOut(nchw.get(2), kernel, stride, pad),
                windowOut(nchw.get(3), kernel, stride, pad));
    }

    /** Runs one single-input, single-output child block. */
    static NDArray apply(Block block, ParameterStore store, NDArray x, boolean training) {
        return block.forward(store, new NDList(x), training).head();
    }

    /** Emits one single-output ONNX node and returns the name of its output. */
    static String node(OnnxGraph graph, String op, Map<String, Object> attributes, String... in) {
        return graph.addNode(op, List.of(in), 1, attributes).get(0);
    }

    /** Exports one single-input, single-output child block and returns its output's name. */
    static String export(OnnxGraph graph, Block block, String input) {
        return graph.exportChild(block, List.of(input)).get(0);
    }

    /** Emits ReLU. */
    static String relu(OnnxGraph graph, String x) {
        return node(graph, "Relu", Map.of(), x);
    }

    /** Emits a square max-pool without dilation or ceiling. */
    static String maxPool(OnnxGraph graph, String x, int kernel, int stride, int pad) {
        return node(
                graph,
                "MaxPool",
                Map.of(
                        "kernel_shape", new long[] {kernel, kernel},
                        "strides", new long[] {stride, stride},
                        "pads", new long[] {pad, pad, pad, pad}),
                x);
    }

    /** Emits the mean over all axes after the first two, as {@code (N, C)}. */
    static String globalAveragePool(OnnxGraph graph, String x) {
        String pooled = node(graph, "GlobalAveragePool", Map.of(), x);
        return node(graph, "Flatten", Map.of("axis", 1L), pooled);
    }
}
