package io.mmbalance.cli;

import ai.djl.ndarray.NDManager;
import io.mmbalance.api.data.MultimodalDataset;
import io.mmbalance.core.Experiments;
import io.mmbalance.core.model.ModelFactory;
import io.mmbalance.core.model.MultimodalModel;
import io.mmbalance.core.onnx.InferenceBenchmark;
import io.mmbalance.core.onnx.OnnxExporter;
import io.mmbalance.core.onnx.OnnxModelInfo;
import io.mmbalance.core.onnx.OnnxRuntimeModel;
import io.mmbalance.core.onnx.ParityCheck;
import io.mmbalance.core.onnx.ParityReport;
import io.mmbalance.core.onnx.RandomInputs;
import io.mmbalance.core.onnx.TrainedRun;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * Exports a trained run's model to ONNX and proves the file right: ONNX Runtime must reproduce the
 * framework's logits on real test samples within {@link ParityReport#TOLERANCE}.
 */
@Command(
        mixinStandardHelpOptions = true,
        name = "export",
        description = {
            "Export a run's model to ONNX, checked against the trained model in ONNX Runtime.",
            "Inputs are named after the modalities, outputs after the objectives (logits)."
        })
final class ExportCommand implements Callable<Integer> {

    @ParentCommand Main main;

    @Spec CommandSpec spec;

    @Option(
            names = {"-r", "--run"},
            required = true,
            description = "The run folder (config.conf, data.json, model.params).")
    Path run;

    @Option(
            names = {"-o", "--output"},
            required = true,
            description = "The ONNX file to write.")
    Path output;

    @Option(
            names = "--check-samples",
            defaultValue = "256",
            description =
                    "Test samples compared at the check batch size (default: ${DEFAULT-VALUE}).")
    int checkSamples;

    @Option(
            names = "--check-batch",
            defaultValue = "64",
            description =
                    "Batch size of the check; 8 samples are also compared one by one"
                            + " (default: ${DEFAULT-VALUE}).")
    int checkBatch;

    @Option(
            names = "--threads",
            defaultValue = "1",
            description =
                    "Threads per operator for ONNX Runtime and, with --bench, PyTorch"
                            + " (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(
            names = "--bench",
            description =
                    "Then measure latency at batch 1 and throughput at batch 256 for the"
                            + " PyTorch engine and ONNX Runtime, side by side.")
    boolean bench;

    @Option(
            names = "--bench-rounds",
            defaultValue = "3",
            description = "Alternating rounds of the benchmark (default: ${DEFAULT-VALUE}).")
    int benchRounds;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        TrainedRun trained = TrainedRun.open(run);
        Experiments experiments = main.experiments();
        ModelFactory factory =
                new ModelFactory(experiments.plugins().encoders(), experiments.plugins().fusions());
        Path target = output.toAbsolutePath();
        Path unchecked = target.resolveSibling(target.getFileName() + ".unchecked");
        try (NDManager manager = NDManager.newBaseManager()) {
            MultimodalModel model = trained.loadModel(factory, manager);
            Set<String> operators = OnnxExporter.write(model, trained.info(model), unchecked);
            MultimodalDataset data = checkData(experiments, trained, out);
            try (OnnxRuntimeModel onnx = OnnxRuntimeModel.load(unchecked, threads)) {
                int count = Math.min(checkSamples, data.size());
                ParityReport one =
                        ParityCheck.compare(model, onnx, data, Math.min(8, count), 1, manager);
                ParityReport many =
                        ParityCheck.compare(model, onnx, data, count, checkBatch, manager);
                out.print(one.describe());
                out.print(many.describe());
                one.requireWithin(ParityReport.TOLERANCE);
                many.requireWithin(ParityReport.TOLERANCE);
                Files.move(
                        unchecked,
                        target,
                        StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
                describe(out, onnx.info(), operators);
                if (bench) {
                    benchmark(out, model, onnx, data, manager);
                }
            }
        } finally {
            Files.deleteIfExists(unchecked);
        }
        out.flush();
        return 0;
    }

    private MultimodalDataset checkData(
            Experiments experiments, TrainedRun trained, PrintWriter out) {
        try {
            MultimodalDataset test = experiments.openData(trained.config()).test();
            if (test.modalities().equals(trained.modalities()) && test.size() > 0) {
                out.printf(
                        Locale.ROOT,
                        "checking on the run's test split (%d samples)%n",
                        test.size());
                return test;
            }
            out.println(
                    "the run's test split no longer matches data.json;"
                            + " checking on random inputs");
        } catch (Exception e) {
            out.println(
                    "the run's test split cannot be opened ("
                            + e.getMessage()
                            + "); checking on random inputs");
        }
        return new RandomInputs(
                trained.modalities(), trained.classes(), Math.max(checkSamples, 256), 0);
    }

    private void describe(PrintWriter out, OnnxModelInfo info, Set<String> operators) {
        out.println("wrote " + output);
        for (var m : info.modalities()) {
            out.println(
                    "  input  "
                            + m.name()
                            + " float32 (batch, "
                            + m.shape().toString().replaceAll("[()]", "")
                            + ")");
        }
        for (var o : info.outputs()) {
            out.println(
                    "  output "
                            + o.name()
                            + " float32 (batch, "
                            + info.classes().size()
                            + ") logits of "
                            + o.objective());
        }
        out.println(
                "  opset " + OnnxExporter.OPSET + ", operators " + String.join(", ", operators));
    }

    private void benchmark(
            PrintWriter out,
            MultimodalModel model,
            OnnxRuntimeModel onnx,
            MultimodalDataset data,
            NDManager manager) {
        out.flush();
        InferenceBenchmark.Settings settings =
                new InferenceBenchmark.Settings(threads, benchRounds, 500, 256, 10);
        List<InferenceBenchmark.Figures> figures =
                InferenceBenchmark.run(model, onnx, data, settings, manager);
        out.printf(
                Locale.ROOT,
                "%n| engine | latency per sample, batch 1 (ms) |"
                        + " throughput, batch 256 (samples/s) |%n| --- | ---: | ---: |%n");
        for (InferenceBenchmark.Figures f : figures) {
            out.printf(
                    Locale.ROOT,
                    "| %s | %.3f | %.0f |%n",
                    f.engine(),
                    f.latencyMillis(),
                    f.throughput());
        }
        InferenceBenchmark.Figures djl = figures.get(0);
        InferenceBenchmark.Figures ort = figures.get(1);
        out.printf(
                Locale.ROOT,
                "| speed-up of ONNX Runtime over %s | %.2fx | %.2fx |%n",
                djl.engine(),
                djl.latencyMillis() / ort.latencyMillis(),
                ort.throughput() / djl.throughput());
        out.printf(
                Locale.ROOT,
                "%n%d thread(s) per engine; median of %d alternating rounds of"
                        + " %d batch-1 calls and %d batch-%d calls; each call from float arrays to"
                        + " float logits of every output.%n",
                settings.threads(),
                settings.rounds(),
                settings.singleCalls(),
                settings.largeCalls(),
                settings.largeBatch());
    }
}
