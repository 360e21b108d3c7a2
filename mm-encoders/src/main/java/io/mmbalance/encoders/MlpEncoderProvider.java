package io.mmbalance.encoders;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import com.typesafe.config.Config;
import io.mmbalance.api.model.EncoderProvider;
import io.mmbalance.api.model.layers.Flatten;
import io.mmbalance.api.model.layers.Relu;

/** A multilayer perceptron over the flattened input of any shape. */
public final class MlpEncoderProvider implements EncoderProvider {

    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public MlpEncoderProvider() {}

    @Override
    public String name() {
        return "mlp";
    }

    @Override
    public String description() {
        return "flatten + hidden linear layers with ReLU + linear";
    }

    @Override
    public Config defaults() {
        return Defaults.of("mm.encoders.mlp");
    }

    @Override
    public Block create(Config config, Shape inputShape) {
        SequentialBlock block = new SequentialBlock().add(new Flatten());
        for (int width : config.getIntList("hidden")) {
            if (width <= 0) {
                throw new IllegalArgumentException(
                        "encoder 'mlp': key 'hidden' holds " + width + "; widths must be > 0");
            }
            block.add(Linear.builder().setUnits(width).build()).add(new Relu());
        }
        block.add(Linear.builder().setUnits(config.getInt("features")).build());
        return block;
    }

    @Override
    public long outputSize(Config config, Shape inputShape) {
        return config.getInt("features");
    }
}
