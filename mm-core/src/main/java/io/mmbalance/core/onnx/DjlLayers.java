package io.mmbalance.core.onnx;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.convolutional.Conv3d;
import ai.djl.nn.convolutional.Convolution;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.util.Pair;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ONNX translations of the DJL blocks the framework's models are built from, in inference mode:
 * {@link SequentialBlock} (its children in order), {@link Linear} ({@code Gemm} over an input known
 * to be of rank 2, else {@code MatMul} and {@code Add}, which hold for any rank), {@link Conv1d},
 * {@link Conv2d} and {@link Conv3d} ({@code Conv}), {@link BatchNorm} ({@code BatchNormalization}
 * with the running mean and variance) and {@link Dropout} (the identity).
 */
final class DjlLayers {

    /** The blocks translated here, for messages. */
    static final String KNOWN =
            "DJL's SequentialBlock, Linear, Conv1d, Conv2d, Conv3d, BatchNorm and Dropout";

    private DjlLayers() {}

    /**
     * Emits the nodes of a known DJL block.
     *
     * @return the names of its outputs, or null when the block is not one of the known ones
     */
    static List<String> export(GraphBuilder graph, Block block, List<String> inputs) {
        if (block.getClass() == SequentialBlock.class) {
            List<String> values = inputs;
            for (Pair<String, Block> child : block.getChildren()) {
                values = graph.exportChild(child.getValue(), values);
            }
            return values;
        }
        if (block.getClass() == Linear.class) {
            return linear(graph, block, single(graph, block, inputs));
        }
        if (block.getClass() == Conv1d.class
                || block.getClass() == Conv2d.class
                || block.getClass() == Conv3d.class) {
            return convolution(graph, (Convolution) block, single(graph, block, inputs));
        }
        if (block.getClass() == BatchNorm.class) {
            return batchNorm(graph, (BatchNorm) block, single(graph, block, inputs));
        }
        if (block.getClass() == Dropout.class) {
            return List.of(single(graph, block, inputs));
        }
        return null;
    }

    private static List<String> linear(GraphBuilder graph, Block block, String x) {
        NDArray weight = parameter(graph, block, "weight");
        Parameter bias = block.getParameters().get("bias");
        Shape shape = graph.shapeOf(x);
        if (shape != null && shape.dimension() == 2) {
            List<String> in = new ArrayList<>();
            in.add(x);
            in.add(graph.addInitializer("weight", weight));
            if (bias != null) {
                in.add(graph.addInitializer("bias", parameter(graph, block, "bias")));
            }
            return graph.addNode("Gemm", in, 1, Map.of("transB", 1L));
        }
        String transposed = graph.addInitializer("weight_t", weight.transpose());
        List<String> out = graph.addNode("MatMul", List.of(x, transposed), 1, Map.of());
        if (bias == null) {
            return out;
        }
        String b = graph.addInitializer("bias", parameter(graph, block, "bias"));
        return graph.addNode("Add", List.of(out.get(0), b), 1, Map.of());
    }

    private static List<String> convolution(GraphBuilder graph, Convolution conv, String x) {
        List<String> in = new ArrayList<>();
        in.add(x);
        in.add(graph.addInitializer("weight", parameter(graph, conv, "weight")));
        if (conv.isIncludeBias()) {
            in.add(graph.addInitializer("bias", parameter(graph, conv, "bias")));
        }
        long[] padding = conv.getPadding().getShape();
        long[] pads = new long[2 * padding.length];
        for (int i = 0; i < padding.length; i++) {
            pads[i] = padding[i];
            pads[i + padding.length] = padding[i];
        }
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("kernel_shape", conv.getKernelShape().getShape());
        attributes.put("strides", conv.getStride().getShape());
        attributes.put("pads", pads);
        attributes.put("dilations", conv.getDilation().getShape());
        attributes.put("group", (long) conv.getGroups());
        return graph.addNode("Conv", in, 1, attributes);
    }

    private static List<String> batchNorm(GraphBuilder graph, BatchNorm norm, String x) {
        int axis = (Integer) field(graph, norm, "axis");
        float epsilon = (Float) field(graph, norm, "epsilon");
        Shape in = graph.shapeOf(x) != null ? graph.shapeOf(x) : norm.getInputShapes()[0];
        if (axis != 1 && axis != 1 - in.dimension()) {
            throw new UnsupportedBlockException(
                    graph.path(),
                    "cannot export block "
                            + graph.path()
                            + " (BatchNorm over axis "
                            + axis
                            + "): ONNX BatchNormalization normalises axis 1 only");
        }
        List<String> inputs =
                List.of(
                        x,
                        graph.addInitializer("gamma", parameter(graph, norm, "gamma")),
                        graph.addInitializer("beta", parameter(graph, norm, "beta")),
                        graph.addInitializer("running_mean", parameter(graph, norm, "runningMean")),
                        graph.addInitializer("running_var", parameter(graph, norm, "runningVar")));
        return graph.addNode("BatchNormalization", inputs, 1, Map.of("epsilon", epsilon));
    }

    private static String single(GraphBuilder graph, Block block, List<String> inputs) {
        if (inputs.size() != 1) {
            throw new IllegalArgumentException(
                    "block "
                            + graph.path()
                            + " ("
                            + block.getClass().getSimpleName()
                            + ") takes one input, got "
                            + inputs.size());
        }
        return inputs.get(0);
    }

    private static NDArray parameter(GraphBuilder graph, Block block, String name) {
        Parameter p = block.getParameters().get(name);
        if (p == null || !p.isInitialized()) {
            throw new IllegalStateException(
                    "block "
                            + graph.path()
                            + " has no initialised parameter '"
                            + name
                            + "'; initialise the model or load its parameters before exporting");
        }
        return p.getArray();
    }

    /** Reads a setting DJL keeps in a private field without an accessor. */
    private static Object field(GraphBuilder graph, Block block, String name) {
        try {
            Field f = block.getClass().getDeclaredField(name);
            f.setAccessible(true);
            return f.get(block);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new UnsupportedBlockException(
                    graph.path(),
                    "cannot export block "
                            + graph.path()
                            + ": cannot read the setting '"
                            + name
                            + "' of "
                            + block.getClass().getName()
                            + " ("
                            + e
                            + ")");
        }
    }
}
