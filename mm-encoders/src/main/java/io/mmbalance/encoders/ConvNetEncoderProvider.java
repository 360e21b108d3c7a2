package io.mmbalance.encoders;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import com.typesafe.config.Config;
import io.mmbalance.api.model.EncoderProvider;
import io.mmbalance.api.model.layers.GlobalAvgPool2d;
import io.mmbalance.api.model.layers.MaxPool2d;
import io.mmbalance.api.model.layers.Relu;

/** The four-convolution encoder used for CG-MNIST (input {@code (C, H, W)}, H and W >= 19). */
public final class ConvNetEncoderProvider implements EncoderProvider {

    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public ConvNetEncoderProvider() {}

    @Override
    public String name() {
        return "convnet";
    }

    @Override
    public String description() {
        return "4 conv layers + global average pool + linear (CG-MNIST encoder)";
    }

    @Override
    public Config defaults() {
        return Defaults.of("mm.encoders.convnet");
    }

    @Override
    public Block create(Config config, Shape inputShape) {
        check(inputShape);
        SequentialBlock block = new SequentialBlock();
        if (config.getBoolean("input-batch-norm")) {
            block.add(BatchNorm.builder().optAxis(1).build());
        }
        block.add(conv(32, 5, 1, 2))
                .add(new Relu())
                .add(new MaxPool2d(3, 2, 0))
                .add(conv(32, 3, 1, 0))
                .add(new Relu())
                .add(conv(64, 3, 2, 0))
                .add(new Relu())
                .add(conv(64, 3, 1, 0))
                .add(new Relu())
                .add(new GlobalAvgPool2d())
                .add(Linear.builder().setUnits(config.getInt("features")).build());
        return block;
    }

    @Override
    public long outputSize(Config config, Shape inputShape) {
        return config.getInt("features");
    }

    private static Conv2d conv(int filters, int kernel, int stride, int pad) {
        return Conv2d.builder()
                .setFilters(filters)
                .setKernelShape(new Shape(kernel, kernel))
                .optStride(new Shape(stride, stride))
                .optPadding(new Shape(pad, pad))
                .build();
    }

    private static void check(Shape shape) {
        if (shape.dimension() != 3 || shape.get(1) < 19 || shape.get(2) < 19) {
            throw new IllegalArgumentException(
                    "encoder 'convnet' needs an image input (channels, height, width) of at least"
                            + " 19x19, got "
                            + shape
                            + "; use 'mlp' for other inputs");
        }
    }
}
