package io.mmbalance.core.onnx;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.util.Pair;
import io.mmbalance.api.export.OnnxExportable;
import io.mmbalance.api.export.OnnxGraph;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Collects the nodes, constants, inputs and outputs of one ONNX graph while blocks export
 * themselves into it, and encodes the result as a {@code GraphProto}.
 *
 * <p>Blocks that implement {@link OnnxExportable} emit their own nodes; the DJL layers {@link
 * DjlLayers} knows are translated there; any other block is an {@link UnsupportedBlockException}
 * naming its path in the model.
 */
final class GraphBuilder implements OnnxGraph {

    /** The symbolic name of the batch dimension of every input and output. */
    static final String BATCH = "batch";

    private final List<ProtoMessage> nodes = new ArrayList<>();
    private final List<ProtoMessage> initializers = new ArrayList<>();
    private final List<ProtoMessage> inputs = new ArrayList<>();
    private final List<ProtoMessage> outputs = new ArrayList<>();
    private final Set<String> names = new HashSet<>();
    private final Map<String, Shape> shapes = new HashMap<>();
    private final Set<String> operators = new TreeSet<>();
    private final Deque<Scope> scopes = new ArrayDeque<>();

    /** One block being exported and its name inside its parent. */
    private record Scope(Block block, String name) {}

    /**
     * Starts a graph whose blocks are children of a root block; the root's child names start the
     * paths in messages.
     */
    GraphBuilder(Block root) {
        scopes.push(new Scope(root, ""));
    }

    /** Declares a float32 graph input of shape {@code (batch, sample...)} and returns its name. */
    String input(String name, Shape sample) {
        claim(name);
        inputs.add(valueInfo(name, sample));
        shapes.put(name, new Shape(1).addAll(sample));
        return name;
    }

    /** Reserves a name for a graph output, so that no value takes it before the output does. */
    void reserve(String name) {
        claim(name);
    }

    /**
     * Declares a float32 graph output of shape {@code (batch, sample...)} computed by a value; its
     * name must have been {@linkplain #reserve reserved}.
     */
    void output(String name, String value, Shape sample) {
        if (!names.contains(name)) {
            throw new IllegalStateException("output name '" + name + "' was not reserved");
        }
        nodes.add(
                node(
                        "Identity",
                        List.of(value),
                        List.of(name),
                        uniqueName(name + "/Identity"),
                        Map.of()));
        operators.add("Identity");
        outputs.add(valueInfo(name, sample));
    }

    /**
     * Returns the shape of a value for a batch of one, when known: the graph inputs and the outputs
     * of child blocks whose inputs' shapes are known, from the blocks' own {@link
     * Block#getOutputShapes}; values computed by nodes that blocks emit themselves are unknown.
     */
    Shape shapeOf(String value) {
        return shapes.get(value);
    }

    /** Returns the operators emitted so far, sorted. */
    Set<String> operators() {
        return operators;
    }

    /** Encodes the graph. */
    ProtoMessage encode(String name, String doc) {
        ProtoMessage graph = new ProtoMessage();
        for (ProtoMessage node : nodes) {
            graph.message(OnnxSchema.Graph.NODE, node);
        }
        graph.string(OnnxSchema.Graph.NAME, name);
        for (ProtoMessage tensor : initializers) {
            graph.message(OnnxSchema.Graph.INITIALIZER, tensor);
        }
        graph.string(OnnxSchema.Graph.DOC_STRING, doc);
        for (ProtoMessage input : inputs) {
            graph.message(OnnxSchema.Graph.INPUT, input);
        }
        for (ProtoMessage output : outputs) {
            graph.message(OnnxSchema.Graph.OUTPUT, output);
        }
        return graph;
    }

    @Override
    public String uniqueName(String hint) {
        String stem = path().isEmpty() ? hint : path() + "/" + hint;
        String name = stem;
        for (int i = 1; names.contains(name); i++) {
            name = stem + "_" + i;
        }
        names.add(name);
        return name;
    }

    @Override
    public String addInitializer(String hint, NDArray value) {
        String name = uniqueName(hint);
        ProtoMessage tensor = new ProtoMessage();
        for (long dim : value.getShape().getShape()) {
            tensor.int64(OnnxSchema.Tensor.DIMS, dim);
        }
        ByteBuffer raw;
        if (value.getDataType() == DataType.FLOAT32) {
            float[] floats = value.toFloatArray();
            raw = ByteBuffer.allocate(4 * floats.length).order(ByteOrder.LITTLE_ENDIAN);
            raw.asFloatBuffer().put(floats);
            tensor.int32(OnnxSchema.Tensor.DATA_TYPE, OnnxSchema.Tensor.FLOAT);
        } else if (value.getDataType() == DataType.INT64) {
            long[] longs = value.toLongArray();
            raw = ByteBuffer.allocate(8 * longs.length).order(ByteOrder.LITTLE_ENDIAN);
            raw.asLongBuffer().put(longs);
            tensor.int32(OnnxSchema.Tensor.DATA_TYPE, OnnxSchema.Tensor.INT64);
        } else {
            throw new IllegalArgumentException(
                    "constant "
                            + name
                            + " has data type "
                            + value.getDataType()
                            + "; only float32 and int64 constants can be exported");
        }
        tensor.string(OnnxSchema.Tensor.NAME, name);
        tensor.bytes(OnnxSchema.Tensor.RAW_DATA, raw.array());
        initializers.add(tensor);
        return name;
    }

    @Override
    public String addInt64s(String hint, long... values) {
        String name = uniqueName(hint);
        ProtoMessage tensor = new ProtoMessage();
        tensor.int64(OnnxSchema.Tensor.DIMS, values.length);
        tensor.int32(OnnxSchema.Tensor.DATA_TYPE, OnnxSchema.Tensor.INT64);
        tensor.string(OnnxSchema.Tensor.NAME, name);
        ByteBuffer raw = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        raw.asLongBuffer().put(values);
        tensor.bytes(OnnxSchema.Tensor.RAW_DATA, raw.array());
        initializers.add(tensor);
        return name;
    }

    @Override
    public List<String> addNode(
            String opType, List<String> in, int outputCount, Map<String, Object> attributes) {
        if (outputCount < 1) {
            throw new IllegalArgumentException(opType + " node needs at least one output");
        }
        String name = uniqueName(opType);
        List<String> out = new ArrayList<>();
        out.add(name);
        for (int i = 1; i < outputCount; i++) {
            out.add(uniqueName(opType + ":" + i));
        }
        nodes.add(node(opType, in, out, name, attributes));
        operators.add(opType);
        return out;
    }

    @Override
    public List<String> exportChild(Block block, List<String> in) {
        scopes.push(new Scope(block, childName(block)));
        try {
            List<String> out;
            if (block instanceof OnnxExportable exportable) {
                out = exportable.exportOnnx(this, in);
            } else {
                out = DjlLayers.export(this, block, in);
                if (out == null) {
                    throw unsupported(block);
                }
            }
            recordShapes(block, in, out);
            return out;
        } finally {
            scopes.pop();
        }
    }

    private void recordShapes(Block block, List<String> in, List<String> out) {
        Shape[] inShapes = new Shape[in.size()];
        for (int i = 0; i < inShapes.length; i++) {
            inShapes[i] = shapes.get(in.get(i));
            if (inShapes[i] == null) {
                return;
            }
        }
        Shape[] outShapes;
        try {
            outShapes = block.getOutputShapes(inShapes);
        } catch (RuntimeException e) {
            // a block that cannot tell its output shapes leaves them unknown, which only
            // costs the Gemm form of a following linear layer
            return;
        }
        if (outShapes.length == out.size()) {
            for (int i = 0; i < outShapes.length; i++) {
                shapes.putIfAbsent(out.get(i), outShapes[i]);
            }
        }
    }

    /** Returns the path of the block being exported: child names joined by "/". */
    String path() {
        List<String> parts = new ArrayList<>();
        for (Scope scope : scopes) {
            if (!scope.name().isEmpty()) {
                parts.add(0, scope.name());
            }
        }
        return String.join("/", parts);
    }

    private String childName(Block block) {
        Block parent = scopes.peek().block();
        for (Pair<String, Block> child : parent.getChildren()) {
            if (child.getValue() == block) {
                return child.getKey();
            }
        }
        return block.getClass().getSimpleName();
    }

    private UnsupportedBlockException unsupported(Block block) {
        String path = path();
        String what = block.getClass().getName();
        String why;
        if (block instanceof LambdaBlock lambda) {
            what += " '" + lambda.getName() + "'";
            why =
                    "its function is opaque to the exporter; build the model from the layers of"
                            + " io.mmbalance.api.model.layers instead";
        } else {
            why =
                    "the exporter translates "
                            + DjlLayers.KNOWN
                            + " and blocks that implement io.mmbalance.api.export.OnnxExportable";
        }
        return new UnsupportedBlockException(
                path, "cannot export block " + path + " (" + what + "): " + why);
    }

    private void claim(String name) {
        if (!names.add(name)) {
            throw new IllegalArgumentException("the name '" + name + "' is used twice");
        }
    }

    private static ProtoMessage valueInfo(String name, Shape sample) {
        ProtoMessage shape = new ProtoMessage();
        shape.message(
                OnnxSchema.Type.SHAPE_DIM,
                new ProtoMessage().string(OnnxSchema.Type.DIM_PARAM, BATCH));
        for (long dim : sample.getShape()) {
            shape.message(
                    OnnxSchema.Type.SHAPE_DIM,
                    new ProtoMessage().int64(OnnxSchema.Type.DIM_VALUE, dim));
        }
        ProtoMessage tensor =
                new ProtoMessage()
                        .int32(OnnxSchema.Type.TENSOR_ELEM_TYPE, OnnxSchema.Tensor.FLOAT)
                        .message(OnnxSchema.Type.TENSOR_SHAPE, shape);
        return new ProtoMessage()
                .string(OnnxSchema.ValueInfo.NAME, name)
                .message(
                        OnnxSchema.ValueInfo.TYPE,
                        new ProtoMessage().message(OnnxSchema.Type.TENSOR_TYPE, tensor));
    }

    private static ProtoMessage node(
            String opType,
            List<String> in,
            List<String> out,
            String name,
            Map<String, Object> attributes) {
        ProtoMessage node = new ProtoMessage();
        for (String input : in) {
            node.string(OnnxSchema.Node.INPUT, input);
        }
        for (String output : out) {
            node.string(OnnxSchema.Node.OUTPUT, output);
        }
        node.string(OnnxSchema.Node.NAME, name);
        node.string(OnnxSchema.Node.OP_TYPE, opType);
        for (Map.Entry<String, Object> a : new TreeMap<>(attributes).entrySet()) {
            node.message(OnnxSchema.Node.ATTRIBUTE, attribute(opType, a.getKey(), a.getValue()));
        }
        return node;
    }

    private static ProtoMessage attribute(String opType, String name, Object value) {
        ProtoMessage a = new ProtoMessage().string(OnnxSchema.Attribute.NAME, name);
        if (value instanceof Long || value instanceof Integer) {
            a.int64(OnnxSchema.Attribute.I, ((Number) value).longValue());
            a.int32(OnnxSchema.Attribute.TYPE, OnnxSchema.Attribute.TYPE_INT);
        } else if (value instanceof Float || value instanceof Double) {
            a.float32(OnnxSchema.Attribute.F, ((Number) value).floatValue());
            a.int32(OnnxSchema.Attribute.TYPE, OnnxSchema.Attribute.TYPE_FLOAT);
        } else if (value instanceof String s) {
            a.bytes(OnnxSchema.Attribute.S, s.getBytes(StandardCharsets.UTF_8));
            a.int32(OnnxSchema.Attribute.TYPE, OnnxSchema.Attribute.TYPE_STRING);
        } else if (value instanceof long[] longs) {
            for (long v : longs) {
                a.int64(OnnxSchema.Attribute.INTS, v);
            }
            a.int32(OnnxSchema.Attribute.TYPE, OnnxSchema.Attribute.TYPE_INTS);
        } else if (value instanceof int[] ints) {
            for (int v : ints) {
                a.int64(OnnxSchema.Attribute.INTS, v);
            }
            a.int32(OnnxSchema.Attribute.TYPE, OnnxSchema.Attribute.TYPE_INTS);
        } else if (value instanceof float[] floats) {
            for (float v : floats) {
                a.float32(OnnxSchema.Attribute.FLOATS, v);
            }
            a.int32(OnnxSchema.Attribute.TYPE, OnnxSchema.Attribute.TYPE_FLOATS);
        } else {
            throw new IllegalArgumentException(
                    "attribute "
                            + name
                            + " of "
                            + opType
                            + " has unsupported type "
                            + (value == null ? "null" : value.getClass().getName()));
        }
        return a;
    }
}
