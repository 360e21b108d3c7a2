package io.mmbalance.encoders;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import com.typesafe.config.Config;
import io.mmbalance.api.model.EncoderProvider;

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
                .add(Activation.reluBlock())
                .add(Pool.maxPool2dBlock(new Shape(3, 3), new Shape(2, 2)))
                .add(conv(32, 3, 1, 0))
                .add(Activation.reluBlock())
                .add(conv(64, 3, 2, 0))
                .add(Activation.reluBlock())
                .add(conv(64, 3, 1, 0))
                .add(Activation.reluBlock())
                .add(Pool.globalAvgPool2dBlock())
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
