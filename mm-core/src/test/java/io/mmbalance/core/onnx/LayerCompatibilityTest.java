package io.mmbalance.core.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import io.mmbalance.api.model.layers.Flatten;
import io.mmbalance.api.model.layers.GlobalAvgPool2d;
import io.mmbalance.api.model.layers.MaxPool2d;
import io.mmbalance.api.model.layers.Relu;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class LayerCompatibilityTest {

    /** The same network, with DJL's lambda blocks or with the exportable layers. */
    private static Block network(boolean lambdas) {
        Supplier<Block> relu = () -> lambdas ? Activation.reluBlock() : new Relu();
        return new SequentialBlock()
                .add(conv(4, 3))
                .add(relu.get())
                .add(
                        lambdas
                                ? Pool.maxPool2dBlock(new Shape(3, 3), new Shape(2, 2))
                                : new MaxPool2d(3, 2, 0))
                .add(conv(6, 3))
                .add(relu.get())
                .add(lambdas ? Pool.globalAvgPool2dBlock() : new GlobalAvgPool2d())
                .add(Linear.builder().setUnits(5).build())
                .add(lambdas ? Blocks.batchFlattenBlock() : new Flatten());
    }

    private static Conv2d conv(int filters, int kernel) {
        return Conv2d.builder()
                .setFilters(filters)
                .setKernelShape(new Shape(kernel, kernel))
                .build();
    }

    @Test
    void parametersSavedWithLambdaBlocksLoadIntoTheLayersAndBack() throws Exception {
        Shape input = new Shape(2, 1, 15, 13);
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(3);
            Block old = network(true);
            old.initialize(manager, DataType.FLOAT32, input);
            Block now = network(false);
            now.initialize(manager, DataType.FLOAT32, input);
            assertThat(now.getOutputShapes(new Shape[] {input}))
                    .containsExactly(old.getOutputShapes(new Shape[] {input}));

            now.loadParameters(manager, new DataInputStream(new ByteArrayInputStream(save(old))));

            NDArray x = manager.randomNormal(input);
            ParameterStore store = new ParameterStore(manager, false);
            float[] expected = old.forward(store, new NDList(x), false).head().toFloatArray();
            assertThat(now.forward(store, new NDList(x), false).head().toFloatArray())
                    .containsExactly(expected);
            assertThat(save(now)).containsExactly(save(old));
        }
    }

    private static byte[] save(Block block) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        block.saveParameters(new DataOutputStream(bytes));
        return bytes.toByteArray();
    }
}
