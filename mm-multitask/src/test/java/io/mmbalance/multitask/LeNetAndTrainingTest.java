package io.mmbalance.multitask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

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
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.mmbalance.api.ProviderRegistry;
import io.mmbalance.api.model.EncoderProvider;
import io.mmbalance.core.Experiments;
import io.mmbalance.core.Plugins;
import io.mmbalance.core.RunConfig;
import io.mmbalance.core.model.ModelFactory;
import io.mmbalance.core.train.TrainingListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeNetAndTrainingTest {

    @Test
    void lenetMapsACanvasToItsFeatureSize() {
        LeNetEncoderProvider p = new LeNetEncoderProvider();
        Block block = p.create(p.defaults(), new Shape(1, 36, 36));
        try (NDManager m = NDManager.newBaseManager()) {
            block.initialize(m, DataType.FLOAT32, new Shape(4, 1, 36, 36));
            NDArray out =
                    block.forward(
                                    new ParameterStore(m, false),
                                    new NDList(m.randomNormal(new Shape(4, 1, 36, 36))),
                                    false)
                            .head();
            assertThat(out.getShape()).isEqualTo(new Shape(4, 50));
        }
        assertThat(p.outputSize(p.defaults(), new Shape(1, 36, 36))).isEqualTo(50);
    }

    @Test
    void lenetSendsGradientsToEveryParameterAndItsInput() {
        LeNetEncoderProvider p = new LeNetEncoderProvider();
        Config config = ConfigFactory.parseString("features = 12").withFallback(p.defaults());
        Block block = p.create(config, new Shape(1, 36, 36));
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(3);
            block.initialize(m, DataType.FLOAT32, new Shape(3, 1, 36, 36));
            NDArray x = m.randomUniform(0, 1, new Shape(3, 1, 36, 36));
            x.setRequiresGradient(true);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray out =
                        block.forward(new ParameterStore(m, false), new NDList(x), true).head();
                assertThat(out.getShape()).isEqualTo(new Shape(3, 12));
                collector.backward(out.square().sum());
            }
            assertThat(x.getGradient().abs().sum().getFloat()).isPositive();
            List<String> names = new ArrayList<>();
            for (Pair<String, Parameter> param : block.getParameters()) {
                names.add(param.getKey());
                NDArray grad = param.getValue().getArray().getGradient();
                assertThat(grad.getShape()).isEqualTo(param.getValue().getArray().getShape());
                assertThat(grad.abs().sum().getFloat()).as(param.getKey()).isPositive();
                assertThat(grad.isInfinite().any().getBoolean()).isFalse();
                assertThat(grad.isNaN().any().getBoolean()).isFalse();
            }
            // two convolutions and one linear layer, each with weight and bias
            assertThat(names).hasSize(6);
        }
    }

    @Test
    void lenetRejectsSmallInputsAndBadFeatureCounts() {
        LeNetEncoderProvider p = new LeNetEncoderProvider();
        assertThatThrownBy(() -> p.create(p.defaults(), new Shape(1, 12, 12)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("16x16");
        Config zero = ConfigFactory.parseString("features = 0").withFallback(p.defaults());
        assertThatThrownBy(() -> p.create(zero, new Shape(1, 28, 28)))
                .hasMessageContaining("'features'");
    }

    @Test
    void providersAreFoundByNameAndEachFindsItsOwnDefaults() {
        assertThat(ProviderRegistry.datasets().byName())
                .containsKeys("multi-mnist", "multi-fashion", "mnist");
        assertThat(ProviderRegistry.encoders().byName()).containsKeys("lenet", "convnet");
        // mm-encoders and mm-multitask each ship a reference.conf under mm.encoders
        assertThat(ProviderRegistry.encoders().byName().get("lenet").defaults().getInt("features"))
                .isEqualTo(50);
        EncoderProvider convnet = ProviderRegistry.encoders().byName().get("convnet");
        assertThat(convnet.defaults().hasPath("features")).isTrue();
        Config reference = ConfigFactory.defaultReference(getClass().getClassLoader());
        assertThat(reference.hasPath("mm.encoders.lenet.features")).isTrue();
        assertThat(reference.hasPath("mm.encoders.convnet.features")).isTrue();
        assertThat(new MultiFashionProvider().defaults().getString("dir"))
                .isEqualTo("fashion-mnist");
        assertThat(new MultiFashionProvider().defaults().getDouble("noise-rate")).isEqualTo(0.5);
    }

    @Test
    void aShortMultiTaskRunReportsEveryTaskAndTheirMean(@TempDir Path tmp) throws IOException {
        MultiDigitTest.writeIdx(tmp.resolve("mnist"));
        RunConfig rc =
                RunConfig.of(
                        ConfigFactory.parseString(
                                """
                                run { name = mt, dir = "%s" }
                                data { root = "%s", cache = "%s" }
                                dataset { name = multi-mnist }
                                model { encoder { name = lenet } }
                                training {
                                  epochs = 2, batch-size = 20, learning-rate = 0.01
                                  diagnostics-every = 1
                                }
                                integrator { name = mmpareto }
                                """
                                        .formatted(tmp.resolve("runs"), tmp, tmp.resolve("c"))),
                        "test");
        Plugins plugins = Plugins.load(null);
        Experiments ex =
                new Experiments(plugins, new ModelFactory(plugins.encoders(), plugins.fusions()));
        Path run = ex.train(rc, new TrainingListener() {});
        JsonNode summary = new ObjectMapper().readTree(run.resolve("summary.json").toFile());
        assertThat(summary.path("test").has("task/left")).isTrue();
        assertThat(summary.path("test").has("task/right")).isTrue();
        double left = summary.path("test").path("task/left").path("accuracy").asDouble();
        double right = summary.path("test").path("task/right").path("accuracy").asDouble();
        assertThat(summary.path("mean_task_accuracy").asDouble())
                .isCloseTo((left + right) / 2, offset(1e-12));
        assertThat(summary.path("conflict_share").has("shared")).isTrue();
        assertThat(List.of(left, right)).allSatisfy(a -> assertThat(a).isBetween(0.0, 1.0));
        int steps = 0;
        int epochs = 0;
        for (String line : Files.readAllLines(run.resolve("metrics.jsonl"))) {
            JsonNode rec = new ObjectMapper().readTree(line);
            if (rec.path("type").asText().equals("step")) {
                steps++;
                // one shared encoder, two task gradients, no primary objective
                JsonNode shared = rec.path("groups").path("shared");
                assertThat(shared.path("weights").size()).isEqualTo(2);
                assertThat(shared.path("norms").size()).isEqualTo(2);
                assertThat(rec.path("loss").has("task/left")).isTrue();
                assertThat(rec.path("loss").has("task/right")).isTrue();
            } else if (rec.has("mean_task_accuracy")) {
                epochs++;
                assertThat(rec.path("test").has("task/right")).isTrue();
            }
        }
        assertThat(steps).isGreaterThan(0);
        assertThat(epochs).isEqualTo(2);
    }
}
