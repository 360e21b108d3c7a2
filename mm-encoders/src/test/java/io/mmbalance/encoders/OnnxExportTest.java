package io.mmbalance.encoders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import io.mmbalance.api.ProviderRegistry;
import io.mmbalance.api.export.OnnxExportable;
import io.mmbalance.api.model.EncoderProvider;
import io.mmbalance.api.model.FusionProvider;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OnnxExportTest {

    private static NDManager manager;

    @BeforeAll
    static void openManager() {
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void closeManager() {
        manager.close();
    }

    /** Trains one step so that the batch-norm running statistics differ from their start. */
    private static Block trainedEncoder(String name, String overrides, Shape sample) {
        EncoderProvider provider = ProviderRegistry.encoders().get(name);
        Block block = provider.create(Blocks.config(provider.defaults(), overrides), sample);
        Blocks.initialize(block, manager, new Shape(3).addAll(sample));
        Blocks.forwardBackward(block, manager, manager.randomNormal(new Shape(3).addAll(sample)));
        return block;
    }

    private static EvaluatingGraph assertGraphMatchesForward(Block block, NDArray... inputs) {
        NDArray expected = Blocks.infer(block, manager, inputs);
        EvaluatingGraph graph = new EvaluatingGraph(manager);
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < inputs.length; i++) {
            names.add(graph.input("in" + i, inputs[i]));
        }

        List<String> outputs = ((OnnxExportable) block).exportOnnx(graph, names);

        assertThat(outputs).hasSize(1);
        NDArray actual = graph.value(outputs.get(0));
        assertThat(actual.getShape()).isEqualTo(expected.getShape());
        float[] a = actual.toFloatArray();
        float[] e = expected.toFloatArray();
        for (int i = 0; i < a.length; i++) {
            assertThat(a[i]).as("value %d", i).isCloseTo(e[i], within(1e-4f));
        }
        return graph;
    }

    @Test
    void resnet18OnFramesExportsTheInferenceForward() {
        Shape sample = new Shape(3, 3, 32, 40);
        Block block = trainedEncoder("resnet18", "features = 10", sample);

        EvaluatingGraph graph =
                assertGraphMatchesForward(block, manager.randomNormal(new Shape(2).addAll(sample)));

        assertThat(graph.operators())
                .contains("Conv2d", "BatchNorm", "Relu", "MaxPool", "Add", "Reshape")
                .contains("Transpose", "GlobalAveragePool", "Flatten", "Linear");
    }

    @Test
    void resnet18OnImagesAndSpecCnnExportTheInferenceForward() {
        Shape image = new Shape(1, 48, 36);
        assertGraphMatchesForward(
                trainedEncoder("resnet18", "", image),
                manager.randomNormal(new Shape(2).addAll(image)));
        Shape spectrogram = new Shape(1, 40, 51);
        assertGraphMatchesForward(
                trainedEncoder("spec-cnn", "channels = [8, 16, 16, 32]", spectrogram),
                manager.randomNormal(new Shape(2).addAll(spectrogram)));
    }

    @Test
    void gatedAndFilmHeadsExportTheirForward() {
        for (String name : List.of("gated", "film")) {
            for (String overrides : List.of("", "x-gate = false", "x-film = false", "hidden = 5")) {
                if (overrides.startsWith(name.equals("gated") ? "x-film" : "x-gate")) {
                    continue;
                }
                FusionProvider provider = ProviderRegistry.fusions().get(name);
                Block block =
                        provider.create(
                                Blocks.config(provider.defaults(), overrides), List.of(6L, 4L), 3);
                Blocks.initialize(block, manager, new Shape(1, 6), new Shape(1, 4));

                assertGraphMatchesForward(
                        block,
                        manager.randomNormal(new Shape(2, 6)),
                        manager.randomNormal(new Shape(2, 4)));
            }
        }
    }
}
