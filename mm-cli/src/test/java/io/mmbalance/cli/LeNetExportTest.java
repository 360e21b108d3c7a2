package io.mmbalance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.typesafe.config.ConfigFactory;
import io.mmbalance.api.data.ModalitySpec;
import io.mmbalance.core.Plugins;
import io.mmbalance.core.model.ModelFactory;
import io.mmbalance.core.model.MultimodalModel;
import io.mmbalance.core.onnx.OnnxExporter;
import io.mmbalance.core.onnx.OnnxModelInfo;
import io.mmbalance.core.onnx.OnnxRuntimeModel;
import io.mmbalance.core.onnx.ParityCheck;
import io.mmbalance.core.onnx.ParityReport;
import io.mmbalance.core.onnx.RandomInputs;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeNetExportTest {

    @Test
    void theSharedLeNetEncoderOfMultiTaskModelsExportsWithParity(@TempDir Path tmp)
            throws Exception {
        Plugins plugins = Plugins.load(null);
        List<ModalitySpec> image = List.of(new ModalitySpec("image", new Shape(1, 36, 36)));
        List<String> classes = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(5);
            MultimodalModel model =
                    new ModelFactory(plugins.encoders(), plugins.fusions())
                            .create(
                                    ConfigFactory.parseString(
                                            "encoder { name = lenet, features = 50 },"
                                                    + " fusion { name = concat }"),
                                    image,
                                    classes,
                                    List.of("left", "right"),
                                    true);
            model.initialize(manager);
            Path file = tmp.resolve("lenet.onnx");
            OnnxExporter.write(model, OnnxModelInfo.of(model, "", ""), file);

            try (OnnxRuntimeModel onnx = OnnxRuntimeModel.load(file, 1)) {
                assertThat(onnx.info().outputs())
                        .extracting(OnnxModelInfo.Output::name)
                        .containsExactly("task_left", "task_right");
                assertThat(onnx.info().tasks()).containsExactly("left", "right");
                for (int batch : new int[] {1, 7, 256}) {
                    int count = batch == 1 ? 5 : batch + 3;
                    RandomInputs data = new RandomInputs(image, classes, count, batch);

                    ParityReport report =
                            ParityCheck.compare(model, onnx, data, count, batch, manager);

                    assertThat(report.worst()).as(report.describe()).isLessThanOrEqualTo(1e-4);
                }
            }
        }
    }
}
