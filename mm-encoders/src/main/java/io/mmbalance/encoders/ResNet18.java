package io.mmbalance.encoders;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.mmbalance.api.export.OnnxExportable;
import io.mmbalance.api.export.OnnxGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * ResNet-18 without its classifier, over images {@code (N, C, H, W)} or frame sequences {@code (N,
 * T, C, H, W)}.
 *
 * <p>The trunk is a 7x7 convolution of stride 2 with 64 channels, batch normalisation, ReLU and a
 * 3x3 max-pool of stride 2, then four stages of two {@link ResidualUnit}s with 64, 128, 256 and 512
 * channels; stages 2 to 4 halve the resolution in their first unit, whose shortcut is a 1x1
 * projection. Frames are folded into the batch for the trunk; the 512 feature maps are then
 * averaged over time, height and width together. An optional linear layer maps the 512 features to
 * another size.
 */
final class ResNet18 extends AbstractBlock implements OnnxExportable {

    /** The channels of the four stages. */
    static final int[] STAGES = {64, 128, 256, 512};

    /** The feature size of the trunk. */
    static final int TRUNK_FEATURES = 512;

    private final boolean frames;
    private final int features;
    private final Conv2d conv1;
    private final BatchNorm bn1;
    private final List<ResidualUnit> units = new ArrayList<>();
    private Linear fc;

    /**
     * Creates the network.
     *
     * @param frames whether inputs are frame sequences {@code (N, T, C, H, W)} rather than images
     *     {@code (N, C, H, W)}
     * @param features the size of a final linear layer, or 0 for the 512 pooled features
     */
    ResNet18(boolean frames, int features) {
        this.frames = frames;
        this.features = features > 0 ? features : TRUNK_FEATURES;
        conv1 = addChildBlock("conv1", Layers.conv(STAGES[0], 7, 2, 3));
        bn1 = addChildBlock("bn1", Layers.batchNorm());
        for (int stage = 0; stage < STAGES.length; stage++) {
            for (int i = 0; i < 2; i++) {
                boolean downsample = stage > 0 && i == 0;
                ResidualUnit unit = new ResidualUnit(STAGES[stage], downsample ? 2 : 1, downsample);
                units.add(addChildBlock("layer" + (stage + 1) + "-" + i, unit));
            }
        }
        if (features > 0) {
            fc = addChildBlock("fc", Linear.builder().setUnits(features).build());
        }
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store,
            NDList inputs,
            boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        Shape shape = x.getShape();
        int rank = frames ? 5 : 4;
        if (shape.dimension() != rank) {
            throw new IllegalArgumentException(
                    "encoder 'resnet18' was built for "
                            + (frames ? "frame sequences (N, T, C, H, W)" : "images (N, C, H, W)")
                            + ", got a batch of shape "
                            + shape);
        }
        long batch = shape.get(0);
        if (frames) {
            x = x.reshape(new Shape(-1).addAll(shape.slice(2)));
        }
        x = Layers.apply(conv1, store, x, training);
        x = Activation.relu(Layers.apply(bn1, store, x, training));
        x = Pool.maxPool2d(x, new Shape(3, 3), new Shape(2, 2), new Shape(1, 1), false);
        for (Block unit : units) {
            x = Layers.apply(unit, store, x, training);
        }
        Shape maps = x.getShape();
        NDArray pooled =
                x.reshape(batch, -1, TRUNK_FEATURES, maps.get(2) * maps.get(3))
                        .mean(new int[] {3})
                        .mean(new int[] {1});
        if (fc != null) {
            pooled = Layers.apply(fc, store, pooled, training);
        }
        return new NDList(pooled);
    }

    /**
     * Emits the inference graph. A frame sequence is exported for the frame count, channels, height
     * and width the block was initialised with.
     */
    @Override
    public List<String> exportOnnx(OnnxGraph graph, List<String> inputs) {
        String x = inputs.get(0);
        Shape in = getInputShapes()[0];
        if (frames) {
            long[] image = {-1, in.get(2), in.get(3), in.get(4)};
            x = Layers.node(graph, "Reshape", Map.of(), x, graph.addInt64s("frames", image));
        }
        x = Layers.relu(graph, Layers.export(graph, bn1, Layers.export(graph, conv1, x)));
        x = Layers.maxPool(graph, x, 3, 2, 1);
        for (Block unit : units) {
            x = Layers.export(graph, unit, x);
        }
        x = Layers.globalAveragePool(graph, x);
        if (frames) {
            long[] clips = {-1, in.get(1), TRUNK_FEATURES};
            x = Layers.node(graph, "Reshape", Map.of(), x, graph.addInt64s("clips", clips));
            x = Layers.node(graph, "Transpose", Map.of("perm", new long[] {0, 2, 1}), x);
            x = Layers.globalAveragePool(graph, x);
        }
        if (fc != null) {
            x = Layers.export(graph, fc, x);
        }
        return List.of(x);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), features)};
    }

    @Override
    protected void initializeChildBlocks(
            NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = inputShapes[0];
        Shape image = frames ? new Shape(in.get(0) * in.get(1)).addAll(in.slice(2)) : in;
        conv1.initialize(manager, dataType, image);
        Shape x = conv1.getOutputShapes(new Shape[] {image})[0];
        bn1.initialize(manager, dataType, x);
        x = Layers.windowed(x, x.get(1), 3, 2, 1);
        for (ResidualUnit unit : units) {
            unit.initialize(manager, dataType, x);
            x = unit.getOutputShapes(new Shape[] {x})[0];
        }
        if (fc != null) {
            fc.initialize(manager, dataType, new Shape(in.get(0), TRUNK_FEATURES));
        }
    }
}
