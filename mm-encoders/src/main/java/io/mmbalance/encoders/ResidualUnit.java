package io.mmbalance.encoders;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.mmbalance.api.export.OnnxExportable;
import io.mmbalance.api.export.OnnxGraph;
import java.util.List;
import java.util.Map;

/**
 * The basic residual unit of ResNet-18 and ResNet-34: two 3x3 convolutions with batch
 * normalisation, added to the input (or to its 1x1 projection when the stride or the channel count
 * changes), then ReLU.
 */
final class ResidualUnit extends AbstractBlock implements OnnxExportable {

    private final int channels;
    private final int stride;
    private final Conv2d conv1;
    private final BatchNorm bn1;
    private final Conv2d conv2;
    private final BatchNorm bn2;
    private Conv2d projConv;
    private BatchNorm projBn;

    /**
     * Creates the unit.
     *
     * @param channels the output channels
     * @param stride the stride of the first convolution (1 or 2)
     * @param project whether the shortcut is a 1x1 convolution with batch normalisation
     */
    ResidualUnit(int channels, int stride, boolean project) {
        this.channels = channels;
        this.stride = stride;
        conv1 = addChildBlock("conv1", Layers.conv(channels, 3, stride, 1));
        bn1 = addChildBlock("bn1", Layers.batchNorm());
        conv2 = addChildBlock("conv2", Layers.conv(channels, 3, 1, 1));
        bn2 = addChildBlock("bn2", Layers.batchNorm());
        if (project) {
            projConv = addChildBlock("downsample-conv", Layers.conv(channels, 1, stride, 0));
            projBn = addChildBlock("downsample-bn", Layers.batchNorm());
        }
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store,
            NDList inputs,
            boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray y = Layers.apply(conv1, store, x, training);
        y = Activation.relu(Layers.apply(bn1, store, y, training));
        y = Layers.apply(bn2, store, Layers.apply(conv2, store, y, training), training);
        NDArray shortcut = x;
        if (projConv != null) {
            NDArray projected = Layers.apply(projConv, store, x, training);
            shortcut = Layers.apply(projBn, store, projected, training);
        }
        return new NDList(Activation.relu(y.add(shortcut)));
    }

    @Override
    public List<String> exportOnnx(OnnxGraph graph, List<String> inputs) {
        String x = inputs.get(0);
        String y = Layers.relu(graph, Layers.export(graph, bn1, Layers.export(graph, conv1, x)));
        y = Layers.export(graph, bn2, Layers.export(graph, conv2, y));
        String shortcut = x;
        if (projConv != null) {
            shortcut = Layers.export(graph, projBn, Layers.export(graph, projConv, x));
        }
        return List.of(Layers.relu(graph, Layers.node(graph, "Add", Map.of(), y, shortcut)));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {Layers.windowed(inputShapes[0], channels, 3, stride, 1)};
    }

    @Override
    protected void initializeChildBlocks(
            NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = inputShapes[0];
        Shape out = getOutputShapes(inputShapes)[0];
        conv1.initialize(manager, dataType, in);
        bn1.initialize(manager, dataType, out);
        conv2.initialize(manager, dataType, out);
        bn2.initialize(manager, dataType, out);
        if (projConv != null) {
            projConv.initialize(manager, dataType, in);
            projBn.initialize(manager, dataType, out);
        }
    }
}
