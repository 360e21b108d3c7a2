package io.mmbalance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mmbalance.api.data.MultimodalDataset;
import io.mmbalance.core.Experiments;
import io.mmbalance.core.model.ModelFactory;
import io.mmbalance.core.model.MultimodalModel;
import io.mmbalance.core.onnx.OnnxModelInfo;
import io.mmbalance.core.onnx.TrainedRun;
import io.mmbalance.core.train.Batches;
import io.mmbalance.core.train.Evaluation;
import io.mmbalance.core.train.Evaluator;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportPredictCommandTest {

    private static final int TEST_SAMPLES = 40;

    @TempDir static Path tmp;

    private static Path run;
    private static Path onnx;
    private static Path grayIdx;
    private static Path colorNpy;

    /** Trains a tiny CG-MNIST model on synthetic digits and exports it through the CLI. */
    @BeforeAll
    static void trainAndExport() throws Exception {
        Path data = tmp.resolve("data");
        TestFiles.writeMnist(data.resolve("mnist"), 200, TEST_SAMPLES, 1);
        Path conf = tmp.resolve("tiny.conf");
        Files.writeString(
                conf,
                """
                run { name = tiny, dir = "%s" }
                data { root = "%s", cache = "%s" }
                dataset { name = cg-mnist }
                model { encoder { name = convnet, features = 16 }, fusion { name = concat } }
                training { epochs = 1, batch-size = 20, learning-rate = 0.01,
                           max-steps-per-epoch = 5 }
                integrator { name = mmpareto }
                """
                        .formatted(tmp.resolve("runs"), data, tmp.resolve("cache")));
        CliTestSupport.Result trained =
                CliTestSupport.run("train", "-c", conf.toString(), "--no-progress");
        assertThat(trained.exit()).as(trained.err()).isZero();
        run = Path.of(trained.out().trim());
        onnx = tmp.resolve("tiny.onnx");

        CliTestSupport.Result exported =
                CliTestSupport.run("export", "-r", run.toString(), "-o", onnx.toString());

        assertThat(exported.exit()).as(exported.err()).isZero();
        assertThat(exported.out())
                .contains("checking on the run's test split (40 samples)")
                .contains("wrote " + onnx)
                .contains("input  gray float32 (batch, 1, 28, 28)")
                .contains("output unimodal_color float32 (batch, 10) logits of unimodal/color");
        assertThat(onnx).exists();
        assertThat(tmp.resolve("tiny.onnx.unchecked")).doesNotExist();

        grayIdx = data.resolve("mnist").resolve("t10k-images-idx3-ubyte");
        colorNpy = tmp.resolve("color.npy");
        try (NDManager manager = NDManager.newBaseManager()) {
            MultimodalDataset test = testSplit();
            NDList inputs =
                    new Batches(test, TEST_SAMPLES).inputs(manager, order(), 0, TEST_SAMPLES);
            TestFiles.writeNpy(colorNpy, inputs.get(1).toFloatArray(), TEST_SAMPLES, 3, 28, 28);
        }
    }

    private static int[] order() {
        int[] order = new int[TEST_SAMPLES];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        return order;
    }

    private static Experiments experiments() {
        return com.google.inject.Guice.createInjector(new io.mmbalance.core.CoreModule(null))
                .getInstance(Experiments.class);
    }

    private static MultimodalDataset testSplit() throws Exception {
        return experiments().openData(TrainedRun.open(run).config()).test();
    }

    @Test
    void exportRecordsTheRunsRecipeAndConfiguration() throws Exception {
        try (var model = io.mmbalance.core.onnx.OnnxRuntimeModel.load(onnx, 1)) {
            OnnxModelInfo info = model.info();
            assertThat(info.inputNames()).containsExactly("gray", "color");
            assertThat(info.dataRecipe())
                    .isEqualTo(Files.readString(run.resolve("data.json"), StandardCharsets.UTF_8));
            assertThat(info.runConfig()).contains("max-steps-per-epoch");
            assertThat(info.frameworkVersion()).isNotBlank();
        }
    }

    @Test
    void aFreshProcessPredictsTheClassesOfInProcessEvaluation() throws Exception {
        Experiments experiments = experiments();
        TrainedRun trained = TrainedRun.open(run);
        MultimodalDataset test = testSplit();
        List<String> objectives;
        int[][] expected;
        Map<String, Evaluation> evaluation;
        try (NDManager manager = NDManager.newBaseManager()) {
            MultimodalModel model =
                    trained.loadModel(
                            new ModelFactory(
                                    experiments.plugins().encoders(),
                                    experiments.plugins().fusions()),
                            manager);
            evaluation = Evaluator.evaluate(model, test, manager, 16);
            NDList inputs =
                    new Batches(test, TEST_SAMPLES).inputs(manager, order(), 0, TEST_SAMPLES);
            NDList logits = model.forward(new ParameterStore(manager, false), inputs, false);
            objectives = model.objectives().stream().map(o -> o.name()).toList();
            expected = new int[objectives.size()][];
            for (int o = 0; o < objectives.size(); o++) {
                long[] argMax = logits.get(o).argMax(1).toLongArray();
                expected[o] = new int[argMax.length];
                for (int i = 0; i < argMax.length; i++) {
                    expected[o][i] = (int) argMax[i];
                }
            }
        }

        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb =
                new ProcessBuilder(
                        javaBin,
                        "-Xmx1g",
                        "-Dai.djl.offline=true",
                        "-cp",
                        System.getProperty("java.class.path"),
                        Main.class.getName(),
                        "predict",
                        "-m",
                        onnx.toString(),
                        "--input",
                        "color=" + colorNpy,
                        "--input",
                        "gray=" + grayIdx,
                        "--format",
                        "json",
                        "--batch",
                        "7");
        pb.environment().put("OPT_OUT_TRACKING", "true");
        pb.environment().put("DJL_OFFLINE", "true");
        pb.redirectError(tmp.resolve("predict.err").toFile());
        File outFile = tmp.resolve("predict.json").toFile();
        pb.redirectOutput(outFile);
        Process p = pb.start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(tmp.resolve("predict.err"))).isZero();

        JsonNode json = new ObjectMapper().readTree(outFile);
        assertThat(json.path("samples").asInt()).isEqualTo(TEST_SAMPLES);
        JsonNode predictions = json.path("predictions");
        for (int o = 0; o < objectives.size(); o++) {
            String output = OnnxModelInfo.outputName(objectives.get(o));
            List<Integer> actual = new ArrayList<>();
            int correct = 0;
            for (int i = 0; i < TEST_SAMPLES; i++) {
                int index = predictions.get(i).path(output).path("index").asInt();
                actual.add(index);
                if (index == test.label(i, 0)) {
                    correct++;
                }
                assertThat(predictions.get(i).path(output).path("class").asText())
                        .isEqualTo(trained.classes().get(index));
            }
            assertThat(actual)
                    .as(output)
                    .containsExactlyElementsOf(Arrays.stream(expected[o]).boxed().toList());
            assertThat((double) correct / TEST_SAMPLES)
                    .as(output)
                    .isEqualTo(evaluation.get(objectives.get(o)).accuracy());
        }
    }

    @Test
    void inputsGivenInAnyOrderPrintTheSameText() {
        CliTestSupport.Result a =
                CliTestSupport.run(
                        "predict",
                        "-m",
                        onnx.toString(),
                        "--input",
                        "gray=" + grayIdx,
                        "--input",
                        "color=" + colorNpy,
                        "--limit",
                        "9",
                        "--batch",
                        "4");
        CliTestSupport.Result b =
                CliTestSupport.run(
                        "predict",
                        "-m",
                        onnx.toString(),
                        "--input",
                        "color=" + colorNpy,
                        "--input",
                        "gray=" + grayIdx,
                        "--limit",
                        "9");

        assertThat(a.exit()).as(a.err()).isZero();
        assertThat(b.out()).isEqualTo(a.out());
        assertThat(a.out()).contains("sample 8").doesNotContain("sample 9");
        assertThat(a.out().lines().filter(l -> l.matches("  unimodal_gray +class \\d .*")).count())
                .isEqualTo(9);
    }

    @Test
    void aMissingOrMisnamedInputIsAnErrorListingTheExpectedNames() {
        CliTestSupport.Result missing =
                CliTestSupport.run("predict", "-m", onnx.toString(), "--input", "gray=" + grayIdx);
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err())
                .contains("missing input(s) color")
                .contains("the model expects inputs named gray, color");

        CliTestSupport.Result misnamed =
                CliTestSupport.run(
                        "predict",
                        "-m",
                        onnx.toString(),
                        "--input",
                        "gray=" + grayIdx,
                        "--input",
                        "colour=" + colorNpy);
        assertThat(misnamed.exit()).isEqualTo(1);
        assertThat(misnamed.err())
                .contains("missing input(s) color")
                .contains("unknown input(s) colour")
                .contains("the model expects inputs named gray, color");
    }

    @Test
    void aThreeChannelIdxInputNeedsATint() {
        CliTestSupport.Result untinted =
                CliTestSupport.run(
                        "predict",
                        "-m",
                        onnx.toString(),
                        "--input",
                        "gray=" + grayIdx,
                        "--input",
                        "color=" + grayIdx);
        assertThat(untinted.exit()).isEqualTo(1);
        assertThat(untinted.err()).contains("--tint color=R,G,B");

        CliTestSupport.Result tinted =
                CliTestSupport.run(
                        "predict",
                        "-m",
                        onnx.toString(),
                        "--input",
                        "gray=" + grayIdx,
                        "--input",
                        "color=" + grayIdx,
                        "--tint",
                        "color=1,0,0.5",
                        "--limit",
                        "2");
        assertThat(tinted.exit()).as(tinted.err()).isZero();
        assertThat(tinted.out()).contains("sample 1");
    }

    @Test
    void aNpyFileOfTheWrongShapeIsAnErrorNamingTheInput() throws Exception {
        Path bad = tmp.resolve("bad.npy");
        TestFiles.writeNpy(bad, new float[2 * 784], 2, 28, 28);
        CliTestSupport.Result r =
                CliTestSupport.run(
                        "predict",
                        "-m",
                        onnx.toString(),
                        "--input",
                        "gray=" + grayIdx,
                        "--input",
                        "color=" + bad);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("input 'color'", "[2, 28, 28]", "(n, 3, 28, 28)");
    }

    @Test
    void aRunFolderWithoutParametersIsNamed() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("not-a-run"));
        Files.writeString(empty.resolve("config.conf"), "dataset { name = mnist }\n");
        CliTestSupport.Result r =
                CliTestSupport.run(
                        "export", "-r", empty.toString(), "-o", tmp.resolve("x.onnx").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("data.json");
    }
}
