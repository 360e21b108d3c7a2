package io.mmbalance.multitask;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import com.typesafe.config.ConfigFactory;
import io.mmbalance.api.ProviderRegistry;
import io.mmbalance.core.RunConfig;
import io.mmbalance.core.Experiments;
import io.mmbalance.core.Plugins;
import io.mmbalance.core.model.ModelFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
                    block.forward(new ParameterStore(m, false),
                            new NDList(m.randomNormal(new Shape(4, 1, 36, 36))), false).head();
            assertThat(out.getShape()).isEqualTo(new Shape(4, 50));
        }
        assertThat(p.outputSize(p.defaults(), new Shape(1, 36, 36))).isEqualTo(50);
    }

    @Test
    void providersAreFoundByName() {
        assertThat(ProviderRegistry.datasets().byName()).containsKeys("multi-mnist", "multi-fashion");
        assertThat(ProviderRegistry.encoders().byName()).containsKeys("lenet", "convnet");
    }

    @Test
    void aShortMultiTaskRunReportsEveryTaskAndTheirMean(@TempDir Path tmp) throws IOException {
        MultiDigitTest.writeIdx(tmp.resolve("mnist"), 2);
        RunConfig rc =
                RunConfig.of(
                        ConfigFactory.parseString(
                                """
                                run { name = mt, dir = "%s" }
                                data { root = "%s", cache = "%s" }
                                dataset { name = multi-mnist }
                                model { encoder { name = lenet } }
                                training { epochs = 2, batch-size = 20, learning-rate = 0.01 }
                                integrator { name = mmpareto }
                                """
                                        .formatted(tmp.resolve("runs"), tmp, tmp.resolve("c"))),
                        "test");
        Plugins plugins = Plugins.load(null);
        Experiments ex =
                new Experiments(plugins, new ModelFactory(plugins.encoders(), plugins.fusions()));
        Path run = ex.train(rc, new io.mmbalance.core.train.TrainingListener() {});
        var summary =
                new com.fasterxml.jackson.databind.ObjectMapper()
                        .readTree(run.resolve("summary.json").toFile());
        assertThat(summary.path("test").has("task/left")).isTrue();
        assertThat(summary.path("test").has("task/right")).isTrue();
        double left = summary.path("test").path("task/left").path("accuracy").asDouble();
        double right = summary.path("test").path("task/right").path("accuracy").asDouble();
        assertThat(summary.path("mean_task_accuracy").asDouble())
                .isCloseTo((left + right) / 2, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(summary.path("conflict_share").has("shared")).isTrue();
        assertThat(Files.readAllLines(run.resolve("metrics.jsonl"))).isNotEmpty();
        assertThat(List.of(left, right)).allSatisfy(a -> assertThat(a).isBetween(0.0, 1.0));
    }
}
