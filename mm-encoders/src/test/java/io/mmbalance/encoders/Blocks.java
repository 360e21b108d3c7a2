package io.mmbalance.encoders;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;

/** Helpers that initialise blocks, run them forward and backward and read their parameters. */
final class Blocks {

    private Blocks() {}

    /** Returns a provider's defaults with the given HOCON settings over them. */
    static Config config(Config defaults, String overrides) {
        return ConfigFactory.parseString(overrides).withFallback(defaults).resolve();
    }

    /** Initialises a block for inputs of the given shapes, batch dimension included. */
    static void initialize(Block block, NDManager manager, Shape... inputShapes) {
        Engine.getInstance().setRandomSeed(7);
        block.initialize(manager, DataType.FLOAT32, inputShapes);
    }

    /** Runs the block forward without recording gradients. */
    static NDArray infer(Block block, NDManager manager, NDArray... inputs) {
        return block.forward(new ParameterStore(manager, false), new NDList(inputs), false).head();
    }

    /**
     * Runs the block forward in training mode and back from the sum of squared outputs; the inputs
     * are marked as requiring gradients first.
     *
     * @return the output
     */
    static NDArray forwardBackward(Block block, NDManager manager, NDArray... inputs) {
        for (NDArray input : inputs) {
            input.setRequiresGradient(true);
        }
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray out =
                    block.forward(new ParameterStore(manager, false), new NDList(inputs), true)
                            .head();
            collector.backward(out.square().sum());
            return out.stopGradient();
        }
    }

    /** Returns the number of trainable values (running statistics excluded). */
    static long trainableCount(Block block) {
        long count = 0;
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getValue().requiresGradient()) {
                count += p.getValue().getArray().size();
            }
        }
        return count;
    }

    /**
     * Returns the parameter with the given name, the leading child number of the outermost block
     * left out: "conv1_weight" for "01conv1_weight".
     */
    static Parameter parameter(Block block, String name) {
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getKey().replaceFirst("^\\d+", "").equals(name)) {
                return p.getValue();
            }
        }
        throw new IllegalArgumentException(
                "no parameter " + name + " in " + block.getParameters().keys());
    }

    /** Returns the sum of absolute values of the gradient of a parameter or input. */
    static float gradientMass(NDArray array) {
        return array.getGradient().abs().sum().getFloat();
    }
}
