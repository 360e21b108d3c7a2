package io.mmbalance.encoders;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
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

/**
 * A small CNN over spectrograms {@code (N, C, mels, frames)}: per stage a 3x3 convolution with
 * batch normalisation and ReLU, then a 2x2 max-pool of stride 2; a global average pool and a linear
 * layer. The convolutions do not depend on the frame count, so one block takes spectrograms of any
 * length that survives the pooling.
 */
final class SpecCnn extends AbstractBlock implements OnnxExportable {

    private final List<Conv2d> convs = new ArrayList<>();
    private final List<BatchNorm> norms = new ArrayList<>();
    private final int[] channels;
    private final int features;
    private final Linear fc;

    /**
     * Creates the network.
     *
     * @param channels the output channels of each stage
     * @param features the size of the feature vector
     */
    SpecCnn(int[] channels, int features) {
        this.channels = channels.clone();
        this.features = features;
        for (int i = 0; i < channels.length; i++) {
            convs.add(addChildBlock("conv" + (i + 1), Layers.conv(channels[i], 3, 1, 1)));
            norms.add(addChildBlock("bn" + (i + 1), Layers.batchNorm()));
        }
        fc = addChildBlock("fc", Linear.builder().setUnits(features).build());
    }

    /** Returns the smallest height and width the pooling stages accept. */
    static long minimumSize(int stages) {
        return 1L << stages;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store,
            NDList inputs,
            boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        Shape shape = x.getShape();
        long min = minimumSize(channels.length);
        if (shape.dimension() != 4 || shape.get(2) < min || shape.get(3) < min) {
            throw new IllegalArgumentException(
                    "encoder 'spec-cnn' needs a batch (N, channels, mels, frames) with at least "
                            + min
                            + " mels and frames, got "
                            + shape);
        }
        for (int i = 0; i < convs.size(); i++) {
            x = Layers.apply(convs.get(i), store, x, training);
            x = Activation.relu(Layers.apply(norms.get(i), store, x, training));
            x = Pool.maxPool2d(x, new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), false);
        }
        Shape maps = x.getShape();
        x = x.reshape(maps.get(0), maps.get(1), maps.get(2) * maps.get(3)).mean(new int[] {2});
        return new NDList(Layers.apply(fc, store, x, training));
    }

    @Override
    public List<String> exportOnnx(OnnxGraph graph, List<String> inputs) {
        String x = inputs.get(0);
        for (int i = 0; i < convs.size(); i++) {
            x = Layers.export(graph, convs.get(i), x);
            x = Layers.relu(graph, Layers.export(graph, norms.get(i), x));
            x = Layers.maxPool(graph, x, 2, 2, 0);
        }
        return List.of(Layers.export(graph, fc, Layers.globalAveragePool(graph, x)));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), features)};
    }

    @Override
    protected void initializeChildBlocks(
            NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape x = inputShapes[0];
        for (int i = 0; i < convs.size(); i++) {
            convs.get(i).initialize(manager, dataType, x);
            x = Layers.windowed(x, channels[i], 3, 1, 1);
            norms.get(i).initialize(manager, dataType, x);
            x = Layers.windowed(x, channels[i], 2, 2, 0);
        }
        fc.initialize(manager, dataType, new Shape(x.get(0), channels[channels.length - 1]));
    }
}
