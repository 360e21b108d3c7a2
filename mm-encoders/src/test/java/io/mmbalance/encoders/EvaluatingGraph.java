package io.mmbalance.encoders;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import io.mmbalance.api.export.OnnxExportable;
import io.mmbalance.api.export.OnnxGraph;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * An {@link OnnxGraph} that computes each node as it is added, following the ONNX operator
 * definitions for the operators the encoders emit. Child blocks that are not {@link OnnxExportable}
 * (the DJL convolution, batch-norm and linear layers) are run in inference mode in place of their
 * translation.
 */
final class EvaluatingGraph implements OnnxGraph {

    private final NDManager manager;
    private final Map<String, NDArray> values = new HashMap<>();
    private final TreeSet<String> operators = new TreeSet<>();
    private int counter;

    EvaluatingGraph(NDManager manager) {
        this.manager = manager;
    }

    /** Adds a named graph input. */
    String input(String name, NDArray value) {
        values.put(name, value);
        return name;
    }

    /** Returns the value computed for a name. */
    NDArray value(String name) {
        return values.get(name);
    }

    /** Returns the operators emitted so far, sorted. */
    TreeSet<String> operators() {
        return operators;
    }

    @Override
    public String uniqueName(String hint) {
        return hint + "_" + counter++;
    }

    @Override
    public String addInitializer(String hint, NDArray value) {
        String name = uniqueName(hint);
        values.put(name, value);
        return name;
    }

    @Override
    public String addInt64s(String hint, long... longs) {
        return addInitializer(hint, manager.create(longs));
    }

    @Override
    public List<String> addNode(
            String opType, List<String> inputs, int outputs, Map<String, Object> attributes) {
        operators.add(opType);
        List<NDArray> in = new ArrayList<>();
        for (String name : inputs) {
            in.add(values.get(name));
        }
        String name = uniqueName(opType);
        values.put(name, compute(opType, in, attributes));
        return List.of(name);
    }

    @Override
    public List<String> exportChild(Block block, List<String> inputs) {
        if (block instanceof OnnxExportable) {
            return ((OnnxExportable) block).exportOnnx(this, inputs);
        }
        NDList in = new NDList();
        for (String name : inputs) {
            in.add(values.get(name));
        }
        operators.add(block.getClass().getSimpleName());
        NDList out = block.forward(new ParameterStore(manager, false), in, false);
        List<String> names = new ArrayList<>();
        for (NDArray array : out) {
            String name = uniqueName(block.getClass().getSimpleName());
            values.put(name, array);
            names.add(name);
        }
        return names;
    }

    private static NDArray compute(String op, List<NDArray> in, Map<String, Object> attributes) {
        NDArray x = in.get(0);
        switch (op) {
            case "Relu":
                return Activation.relu(x);
            case "Sigmoid":
                return Activation.sigmoid(x);
            case "Add":
                return x.add(in.get(1));
            case "Mul":
                return x.mul(in.get(1));
            case "MaxPool":
                long[] kernel = (long[]) attributes.get("kernel_shape");
                long[] strides = (long[]) attributes.get("strides");
                long[] pads = (long[]) attributes.get("pads");
                if (pads[0] != pads[2] || pads[1] != pads[3]) {
                    throw new IllegalArgumentException("asymmetric pads " + List.of(pads));
                }
                return Pool.maxPool2d(
                        x,
                        new Shape(kernel),
                        new Shape(strides),
                        new Shape(pads[0], pads[1]),
                        false);
            case "GlobalAveragePool":
                NDArray mean = x;
                for (int axis = x.getShape().dimension() - 1; axis >= 2; axis--) {
                    mean = mean.mean(new int[] {axis}, true);
                }
                return mean;
            case "Flatten":
                long axis = (Long) attributes.get("axis");
                return x.reshape(x.getShape().slice(0, (int) axis).size(), -1);
            case "Reshape":
                return x.reshape(new Shape(in.get(1).toLongArray()));
            case "Transpose":
                long[] perm = (long[]) attributes.get("perm");
                int[] axes = new int[perm.length];
                for (int i = 0; i < perm.length; i++) {
                    axes[i] = (int) perm[i];
                }
                return x.transpose(axes);
            case "Slice":
                return slice(x, in.get(1).toLongArray(), in.get(2).toLongArray(), in.get(3));
            default:
                throw new UnsupportedOperationException("no evaluation for " + op);
        }
    }

    private static NDArray slice(NDArray x, long[] starts, long[] ends, NDArray axes) {
        long[] axis = axes.toLongArray();
        StringBuilder index = new StringBuilder();
        for (int d = 0; d < x.getShape().dimension(); d++) {
            String range = ":";
            for (int i = 0; i < axis.length; i++) {
                if (axis[i] == d) {
                    range = starts[i] + ":" + ends[i];
                }
            }
            index.append(d == 0 ? "" : ",").append(range);
        }
        return x.get(new NDIndex(index.toString()));
    }
}
