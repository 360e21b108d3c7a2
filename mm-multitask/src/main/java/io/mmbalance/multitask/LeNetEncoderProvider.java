package io.mmbalance.multitask;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.mmbalance.api.model.EncoderProvider;
import io.mmbalance.api.model.layers.Flatten;
import io.mmbalance.api.model.layers.MaxPool2d;
import io.mmbalance.api.model.layers.Relu;

/**
 * The LeNet-style shared encoder of the MultiMNIST experiments: conv 10 5x5, max-pool 2, ReLU,
 * conv 20 5x5, max-pool 2, ReLU, flatten, linear to {@code features}.
 */
public final class LeNetEncoderProvider implements EncoderProvider {

    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public LeNetEncoderProvider() {}

    @Override
    public String name() {
        return "lenet";
    }

    @Override
    public String description() {
        return "LeNet-style: 2 conv + max-pool layers, linear (MultiMNIST shared encoder)";
    }

    /**
     * Returns {@code mm.encoders.lenet} of the merged {@code reference.conf} files of this
     * provider's class loader, so that it is found beside the other modules' files of that name.
     */
    @Override
    public Config defaults() {
        return ConfigFactory.defaultReference(LeNetEncoderProvider.class.getClassLoader())
                .getConfig("mm.encoders.lenet");
    }

    @Override
    public Block create(Config config, Shape inputShape) {
        if (inputShape.dimension() != 3 || inputShape.get(1) < 16 || inputShape.get(2) < 16) {
            throw new IllegalArgumentException(
                    "encoder 'lenet' needs an image input (channels, height, width) of at least"
                            + " 16x16, got "
                            + inputShape);
        }
        return new SequentialBlock()
                .add(conv(10))
                .add(new MaxPool2d(2, 2, 0))
                .add(new Relu())
                .add(conv(20))
                .add(new MaxPool2d(2, 2, 0))
                .add(new Relu())
                .add(new Flatten())
                .add(Linear.builder().setUnits(features(config)).build());
    }

    @Override
    public long outputSize(Config config, Shape inputShape) {
        return features(config);
    }

    private static int features(Config config) {
        int features = config.getInt("features");
        if (features < 1) {
            throw new IllegalArgumentException(
                    "encoder 'lenet': key 'features' holds " + features + "; it must be >= 1");
        }
        return features;
    }

    private static Conv2d conv(int filters) {
        return Conv2d.builder().setFilters(filters).setKernelShape(new Shape(5, 5)).build();
    }
}
