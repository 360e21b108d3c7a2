package io.mmbalance.core.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import io.mmbalance.api.data.ModalitySpec;
import io.mmbalance.core.model.EncoderGroup;
import io.mmbalance.core.model.MultimodalModel;
import io.mmbalance.core.model.Objective;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OnnxExportTest {

    private static final List<ModalitySpec> CG =
            List.of(
                    new ModalitySpec("gray", new Shape(1, 28, 28)),
                    new ModalitySpec("color", new Shape(3, 28, 28)));
    private static final List<ModalitySpec> VECTORS =
            List.of(
                    new ModalitySpec("left", new Shape(8)),
                    new ModalitySpec("right", new Shape(2, 3, 4)));
    private static final List<ModalitySpec> AUDIO_VISUAL =
            List.of(
                    new ModalitySpec("audio", new Shape(1, 40, 51)),
                    new ModalitySpec("image", new Shape(1, 32, 32)));
    private static final List<String> ONE_TASK = List.of("label");

    private static NDManager manager;

    @BeforeAll
    static void openManager() {
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void closeManager() {
        manager.close();
    }

    /** A model configuration per shipped encoder and fusion head, and the batch sizes to try. */
    static Stream<Arguments> models() {
        return Stream.of(
                Arguments.of(
                        "convnet + concat",
                        "encoder { name = convnet, features = 32 }, fusion { name = concat }",
                        CG,
                        ONE_TASK,
                        new int[] {1, 7, 256}),
                Arguments.of(
                        "convnet without input norm + gated (second gates)",
                        "encoder { name = convnet, features = 16, input-batch-norm = false },"
                                + " fusion { name = gated, hidden = 12, x-gate = false }",
                        CG,
                        ONE_TASK,
                        new int[] {1, 7}),
                Arguments.of(
                        "mlp + sum",
                        "encoder { name = mlp, hidden = [16, 12], features = 8 },"
                                + " fusion { name = sum }",
                        VECTORS,
                        ONE_TASK,
                        new int[] {1, 7, 256}),
                Arguments.of(
                        "mlp + concat with a hidden layer",
                        "encoder { name = mlp, hidden = [16], features = 8 },"
                                + " fusion { name = concat, hidden = 6 }",
                        VECTORS,
                        ONE_TASK,
                        new int[] {1, 7, 256}),
                Arguments.of(
                        "spec-cnn and resnet18 + film",
                        "encoder { name = resnet18, features = 16 },"
                                + " encoders { audio { name = spec-cnn, channels = [4, 8],"
                                + " features = 10 } },"
                                + " fusion { name = film, hidden = 0 }",
                        AUDIO_VISUAL,
                        ONE_TASK,
                        new int[] {1, 7}),
                Arguments.of(
                        "spec-cnn + film with a projection, the second modality conditioning",
                        "encoder { name = spec-cnn, channels = [4, 8, 8], features = 6 },"
                                + " fusion { name = film, hidden = 5, x-film = false }",
                        AUDIO_VISUAL,
                        ONE_TASK,
                        new int[] {1, 7, 256}),
                Arguments.of(
                        "resnet18 over frames + mlp, gated",
                        "encoder { name = resnet18 },"
                                + " encoders { tag { name = mlp, hidden = [8], features = 8 } },"
                                + " fusion { name = gated, hidden = 7 }",
                        List.of(
                                new ModalitySpec("clip", new Shape(2, 3, 32, 32)),
                                new ModalitySpec("tag", new Shape(5))),
                        ONE_TASK,
                        new int[] {1, 7}),
                Arguments.of(
                        "multi-task shared mlp",
                        "encoder { name = mlp, hidden = [16], features = 8 },"
                                + " fusion { name = concat }",
                        List.of(new ModalitySpec("digits", new Shape(1, 12, 12))),
                        List.of("left", "right"),
                        new int[] {1, 7, 256}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void onnxRuntimeGivesTheFrameworksLogits(
            String label,
            String section,
            List<ModalitySpec> modalities,
            List<String> tasks,
            int[] batchSizes,
            @TempDir Path tmp)
            throws Exception {
        try (NDManager sub = manager.newSubManager()) {
            MultimodalModel model = TestModels.build(section, modalities, tasks, sub, 11);
            try (OnnxRuntimeModel onnx = TestModels.exportAndLoad(model, tmp, "m")) {
                for (int batch : batchSizes) {
                    int count = batch == 1 ? 5 : 2 * batch + 3;
                    RandomInputs data =
                            new RandomInputs(modalities, TestModels.CLASSES, count, batch);

                    ParityReport report = ParityCheck.compare(model, onnx, data, count, batch, sub);
                    System.out.print(label + ": " + report.describe());

                    assertThat(report.maxAbsDiff().keySet())
                            .containsExactlyElementsOf(
                                    model.objectives().stream()
                                            .map(o -> OnnxModelInfo.outputName(o.name()))
                                            .toList());
                    assertThat(report.worst()).as(report.describe()).isLessThanOrEqualTo(1e-4);
                    assertThat(report.sameClass().values()).allMatch(n -> n == count);
                }
            }
        }
    }

    @Test
    void outputsAreNamedAfterTheObjectivesAndInputsAfterTheModalities(@TempDir Path tmp)
            throws Exception {
        MultimodalModel model =
                TestModels.build(
                        "encoder { name = mlp, hidden = [4], features = 4 }, fusion { name = sum }",
                        VECTORS,
                        ONE_TASK,
                        manager,
                        1);
        try (OnnxRuntimeModel onnx = TestModels.exportAndLoad(model, tmp, "names")) {
            assertThat(onnx.inputNames()).containsExactly("left", "right");
            assertThat(onnx.info().outputs())
                    .extracting(OnnxModelInfo.Output::name)
                    .containsExactly("multimodal", "unimodal_left", "unimodal_right");
            assertThat(onnx.info().outputs())
                    .extracting(OnnxModelInfo.Output::objective)
                    .containsExactly("multimodal", "unimodal/left", "unimodal/right");
        }
    }

    @Test
    void inputsFedByNameInAnyOrderGiveIdenticalResults(@TempDir Path tmp) throws Exception {
        MultimodalModel model =
                TestModels.build(
                        "encoder { name = convnet, features = 8 }, fusion { name = concat }",
                        CG,
                        ONE_TASK,
                        manager,
                        2);
        RandomInputs data = new RandomInputs(CG, TestModels.CLASSES, 3, 5);
        float[] gray = new float[3 * 784];
        float[] color = new float[3 * 3 * 784];
        for (int i = 0; i < 3; i++) {
            data.copySample(0, i, gray, i * 784);
            data.copySample(1, i, color, i * 3 * 784);
        }
        try (OnnxRuntimeModel onnx = TestModels.exportAndLoad(model, tmp, "order")) {
            Map<String, float[]> grayFirst = new LinkedHashMap<>();
            grayFirst.put("gray", gray);
            grayFirst.put("color", color);
            Map<String, float[]> colorFirst = new LinkedHashMap<>();
            colorFirst.put("color", color);
            colorFirst.put("gray", gray);

            Map<String, float[]> a = onnx.run(grayFirst, 3);
            Map<String, float[]> b = onnx.run(colorFirst, 3);

            assertThat(a.keySet()).containsExactly("multimodal", "unimodal_gray", "unimodal_color");
            for (String output : a.keySet()) {
                assertThat(b.get(output)).containsExactly(a.get(output));
            }
        }
    }

    @Test
    void aMissingOrMisnamedInputIsAnErrorListingTheExpectedNames(@TempDir Path tmp)
            throws Exception {
        MultimodalModel model =
                TestModels.build(
                        "encoder { name = mlp, hidden = [4], features = 4 }, fusion { name = sum }",
                        VECTORS,
                        ONE_TASK,
                        manager,
                        3);
        float[] left = new float[8];
        float[] right = new float[24];
        try (OnnxRuntimeModel onnx = TestModels.exportAndLoad(model, tmp, "missing")) {
            assertThatThrownBy(() -> onnx.run(Map.of("left", left), 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("missing input(s) right")
                    .hasMessageContaining("the model expects inputs named left, right");
            assertThatThrownBy(() -> onnx.run(Map.of("left", left, "rigth", right), 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("missing input(s) right")
                    .hasMessageContaining("unknown input(s) rigth")
                    .hasMessageContaining("the model expects inputs named left, right");
            assertThatThrownBy(() -> onnx.run(Map.of("left", left, "right", new float[23]), 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("input 'right' holds 23 values");
        }
    }

    @Test
    void aLambdaBlockIsAnErrorNamingIt() {
        Block encoder =
                new SequentialBlock()
                        .add(Linear.builder().setUnits(4).build())
                        .add(Activation.reluBlock());
        MultimodalModel model = handBuilt(encoder);

        Throwable thrown =
                catchThrowable(() -> OnnxExporter.export(model, OnnxModelInfo.of(model, "", "")));

        assertThat(thrown)
                .isInstanceOf(UnsupportedBlockException.class)
                .hasMessageContaining("01encoder-x/02LambdaBlock")
                .hasMessageContaining("ai.djl.nn.LambdaBlock 'ReLU'")
                .hasMessageContaining("io.mmbalance.api.model.layers");
        assertThat(((UnsupportedBlockException) thrown).blockPath())
                .isEqualTo("01encoder-x/02LambdaBlock");
    }

    @Test
    void anUnknownBlockIsAnErrorNamingItsClass() {
        Block encoder =
                new SequentialBlock()
                        .add(Linear.builder().setUnits(4).build())
                        .add(ai.djl.nn.norm.LayerNorm.builder().build());
        MultimodalModel model = handBuilt(encoder);

        assertThatThrownBy(() -> OnnxExporter.export(model, OnnxModelInfo.of(model, "", "")))
                .isInstanceOf(UnsupportedBlockException.class)
                .hasMessageContaining("01encoder-x/02LayerNorm")
                .hasMessageContaining("ai.djl.nn.norm.LayerNorm")
                .hasMessageContaining("OnnxExportable");
    }

    private static MultimodalModel handBuilt(Block encoder) {
        ModalitySpec x = new ModalitySpec("x", new Shape(3));
        MultimodalModel model =
                new MultimodalModel(
                        List.of(x),
                        List.of("p", "q"),
                        List.of(new EncoderGroup("x", 0, encoder, 4)),
                        List.of(
                                new Objective(
                                        "multimodal",
                                        List.of(0),
                                        Linear.builder().setUnits(2).build(),
                                        0,
                                        true,
                                        true)));
        model.initialize(manager);
        return model;
    }

    @Test
    void metadataRoundTripsThroughOnnxRuntime(@TempDir Path tmp) throws Exception {
        MultimodalModel model =
                TestModels.build(
                        "encoder { name = mlp, hidden = [4], features = 4 }, fusion { name = sum }",
                        VECTORS,
                        ONE_TASK,
                        manager,
                        4);
        String recipe = "{\"classes\": [\"a\"], \"note\": \"pixel / 255 \\u00e9\"}";
        String config = "run { name = x }\nmodel { encoder { name = mlp } }\n";
        OnnxModelInfo info = OnnxModelInfo.of(model, recipe, config);
        Path file = tmp.resolve("meta.onnx");
        OnnxExporter.write(model, info, file);

        try (OnnxRuntimeModel onnx = OnnxRuntimeModel.load(file, 1)) {
            assertThat(onnx.info()).isEqualTo(info);
            assertThat(onnx.info().classes()).containsExactlyElementsOf(TestModels.CLASSES);
            assertThat(onnx.info().modalities()).containsExactlyElementsOf(VECTORS);
            assertThat(onnx.info().tasks()).containsExactly("label");
            assertThat(onnx.info().dataRecipe()).isEqualTo(recipe);
            assertThat(onnx.info().runConfig()).isEqualTo(config);
            assertThat(onnx.info().frameworkVersion())
                    .isEqualTo(OnnxModelInfo.frameworkVersionOfThisBuild())
                    .doesNotContain("${");
        }
    }

    @Test
    void theFileDeclaresOpsetAndIrVersionAndASymbolicBatch(@TempDir Path tmp) throws Exception {
        MultimodalModel model =
                TestModels.build(
                        "encoder { name = convnet, features = 8 }, fusion { name = concat }",
                        CG,
                        ONE_TASK,
                        manager,
                        5);
        byte[] bytes = OnnxExporter.export(model, OnnxModelInfo.of(model, "", ""));

        WireReader m = new WireReader(bytes);
        assertThat(m.longs(1)).containsExactly(OnnxExporter.IR_VERSION);
        WireReader opset = new WireReader(m.messages(8).get(0));
        assertThat(opset.strings(1)).containsExactly("");
        assertThat(opset.longs(2)).containsExactly(17L);
        WireReader graph = new WireReader(m.messages(7).get(0));
        List<String> ops =
                graph.messages(1).stream()
                        .flatMap(n -> new WireReader(n).strings(4).stream())
                        .distinct()
                        .sorted()
                        .toList();
        assertThat(ops)
                .containsExactly(
                        "BatchNormalization",
                        "Concat",
                        "Conv",
                        "Flatten",
                        "Gemm",
                        "GlobalAveragePool",
                        "Identity",
                        "MaxPool",
                        "Relu");
        WireReader input = new WireReader(graph.messages(11).get(0));
        assertThat(input.strings(1)).containsExactly("gray");
        WireReader tensorType =
                new WireReader(new WireReader(input.messages(2).get(0)).messages(1).get(0));
        assertThat(tensorType.longs(1)).containsExactly(1L);
        List<byte[]> dims = new WireReader(tensorType.messages(2).get(0)).messages(1);
        assertThat(new WireReader(dims.get(0)).strings(2)).containsExactly("batch");
        assertThat(dims.stream().skip(1).map(d -> new WireReader(d).longs(1).get(0)).toList())
                .containsExactly(1L, 28L, 28L);
    }

    @Test
    void aChangedModelFailsTheParityCheckNamingTheOutput(@TempDir Path tmp) throws Exception {
        try (NDManager sub = manager.newSubManager()) {
            MultimodalModel model =
                    TestModels.build(
                            "encoder { name = mlp, hidden = [4], features = 4 },"
                                    + " fusion { name = sum }",
                            VECTORS,
                            ONE_TASK,
                            sub,
                            6);
            try (OnnxRuntimeModel onnx = TestModels.exportAndLoad(model, tmp, "changed")) {
                Block head = model.objectives().get(2).head();
                head.getParameters().valueAt(1).getArray().addi(0.01f);
                RandomInputs data = new RandomInputs(VECTORS, TestModels.CLASSES, 4, 1);

                ParityReport report = ParityCheck.compare(model, onnx, data, 4, 2, sub);

                assertThat(report.maxAbsDiff().get("multimodal")).isLessThanOrEqualTo(1e-4);
                assertThat(report.maxAbsDiff().get("unimodal_right")).isGreaterThan(1e-3);
                Throwable thrown = catchThrowable(() -> report.requireWithin(1e-4));
                assertThat(thrown)
                        .isInstanceOf(ParityException.class)
                        .hasMessageContaining("output 'unimodal_right'");
                assertThat(((ParityException) thrown).output()).isEqualTo("unimodal_right");
            }
        }
    }
}
