package io.mmbalance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import com.google.inject.Guice;
import io.mmbalance.api.data.MultimodalDataset;
import io.mmbalance.core.CoreModule;
import io.mmbalance.core.Experiments;
import io.mmbalance.core.model.ModelFactory;
import io.mmbalance.core.model.MultimodalModel;
import io.mmbalance.core.onnx.OnnxRuntimeModel;
import io.mmbalance.core.onnx.ParityCheck;
import io.mmbalance.core.onnx.ParityReport;
import io.mmbalance.core.onnx.TrainedRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/** Parity of a real CG-MNIST model with its export on the whole test split (needs MM_DATA). */
@EnabledIfEnvironmentVariable(named = "MM_DATA", matches = ".+")
class CgMnistOnnxParityTest {

    @Test
    void onnxRuntimeMatchesTheTrainedModelOnTheWholeTestSplit(@TempDir Path tmp) throws Exception {
        Path conf = tmp.resolve("cg.conf");
        Files.writeString(
                conf,
                """
                run { name = cg-mnist-onnx, dir = "%s" }
                data { cache = "%s" }
                dataset { name = cg-mnist }
                model { encoder { name = convnet }, fusion { name = concat } }
                training { epochs = 1, max-steps-per-epoch = 50, learning-rate = 0.01 }
                integrator { name = mmpareto }
                """
                        .formatted(tmp.resolve("runs"), tmp.resolve("cache")));
        CliTestSupport.Result trained =
                CliTestSupport.run("train", "-c", conf.toString(), "--no-progress");
        assertThat(trained.exit()).as(trained.err()).isZero();
        Path run = Path.of(trained.out().trim());
        Path onnxFile = tmp.resolve("cg-mnist.onnx");
        CliTestSupport.Result exported =
                CliTestSupport.run("export", "-r", run.toString(), "-o", onnxFile.toString());
        assertThat(exported.exit()).as(exported.err()).isZero();
        System.out.print(exported.out());

        Experiments experiments =
                Guice.createInjector(new CoreModule(null)).getInstance(Experiments.class);
        TrainedRun trainedRun = TrainedRun.open(run);
        MultimodalDataset test = experiments.openData(trainedRun.config()).test();
        assertThat(test.size()).isEqualTo(10_000);
        try (NDManager manager = NDManager.newBaseManager();
                OnnxRuntimeModel onnx = OnnxRuntimeModel.load(onnxFile, 1)) {
            MultimodalModel model =
                    trainedRun.loadModel(
                            new ModelFactory(
                                    experiments.plugins().encoders(),
                                    experiments.plugins().fusions()),
                            manager);
            for (int batch : new int[] {1, 7, 256}) {
                int count = test.size();
                ParityReport report =
                        ParityCheck.compare(model, onnx, test, count, batch, manager);

                System.out.print("CG-MNIST test split, " + report.describe());
                assertThat(report.worst()).as(report.describe()).isLessThanOrEqualTo(1e-4);
                assertThat(report.sameClass().values()).allMatch(n -> n == count);
            }
        }
    }
}
