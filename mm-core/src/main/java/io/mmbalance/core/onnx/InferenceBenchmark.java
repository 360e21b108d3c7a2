package io.mmbalance.core.onnx;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import io.mmbalance.api.data.ModalitySpec;
import io.mmbalance.api.data.MultimodalDataset;
import io.mmbalance.core.model.MultimodalModel;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures inference speed of the framework's model on its engine and of its export in ONNX
 * Runtime, side by side on the same samples: latency per sample at batch size 1 and throughput at a
 * large batch size.
 *
 * <p>Each timed call starts from float arrays and ends with the logits of every output copied back
 * into float arrays, for both engines. The engines run in alternating rounds, and each figure is
 * the median over the rounds, so that a slow spell of the machine affects both.
 */
public final class InferenceBenchmark {

    private InferenceBenchmark() {}

    /**
     * The settings of one benchmark.
     *
     * @param threads the threads each engine may use inside an operator
     * @param rounds the number of alternating rounds
     * @param singleCalls the timed batch-1 calls per engine and round
     * @param largeBatch the batch size of the throughput measurement
     * @param largeCalls the timed large-batch calls per engine and round
     */
    public record Settings(
            int threads, int rounds, int singleCalls, int largeBatch, int largeCalls) {}

    /**
     * The result for one engine.
     *
     * @param engine the engine's name
     * @param latencyMillis the median over rounds of the mean time of a batch-1 call, in ms
     * @param throughput the median over rounds of samples per second at the large batch size
     */
    public record Figures(String engine, double latencyMillis, double throughput) {}

    /**
     * Runs the benchmark.
     *
     * @param model the framework's model
     * @param onnx its export, loaded with the same thread count
     * @param data the samples; at least {@code largeBatch} of them
     * @param settings the settings
     * @param manager a manager for the framework's temporaries
     * @return the figures of the framework's engine, then of ONNX Runtime
     */
    public static List<Figures> run(
            MultimodalModel model,
            OnnxRuntimeModel onnx,
            MultimodalDataset data,
            Settings settings,
            NDManager manager) {
        if (data.size() < settings.largeBatch()) {
            throw new IllegalArgumentException(
                    "the benchmark needs "
                            + settings.largeBatch()
                            + " samples, the data have "
                            + data.size());
        }
        if ("PyTorch".equals(Engine.getInstance().getEngineName())) {
            JniUtils.setNumThreads(settings.threads());
        }
        List<ModalitySpec> modalities = model.modalities();
        float[][] large = new float[modalities.size()][];
        for (int m = 0; m < modalities.size(); m++) {
            int size = modalities.get(m).sampleSize();
            large[m] = new float[settings.largeBatch() * size];
            for (int i = 0; i < settings.largeBatch(); i++) {
                data.copySample(m, i, large[m], i * size);
            }
        }
        Runner djl = (inputs, batch) -> djlForward(model, manager, inputs, batch);
        Runner ort = (inputs, batch) -> ortForward(onnx, modalities, inputs, batch);
        double[][] latency = new double[2][settings.rounds()];
        double[][] throughput = new double[2][settings.rounds()];
        Runner[] runners = {djl, ort};
        for (int round = 0; round < settings.rounds(); round++) {
            for (int e = 0; e < runners.length; e++) {
                Runner r = runners[(e + round) % 2];
                int index = (e + round) % 2;
                latency[index][round] = singleLatency(r, large, modalities, settings);
                throughput[index][round] = largeThroughput(r, large, settings);
            }
        }
        return List.of(
                new Figures(
                        Engine.getInstance().getEngineName() + " (DJL)",
                        median(latency[0]),
                        median(throughput[0])),
                new Figures(
                        OnnxRuntimeModel.ENGINE + " (DJL)",
                        median(latency[1]),
                        median(throughput[1])));
    }

    /** One forward pass from float arrays to float arrays. */
    private interface Runner {
        void run(float[][] inputs, int batch);
    }

    private static double singleLatency(
            Runner runner, float[][] large, List<ModalitySpec> modalities, Settings settings) {
        int samples = settings.largeBatch();
        float[][][] singles = new float[samples][modalities.size()][];
        for (int i = 0; i < samples; i++) {
            for (int m = 0; m < modalities.size(); m++) {
                int size = modalities.get(m).sampleSize();
                singles[i][m] = Arrays.copyOfRange(large[m], i * size, (i + 1) * size);
            }
        }
        int warmup = Math.max(10, settings.singleCalls() / 10);
        for (int i = 0; i < warmup; i++) {
            runner.run(singles[i % samples], 1);
        }
        long start = System.nanoTime();
        for (int i = 0; i < settings.singleCalls(); i++) {
            runner.run(singles[i % samples], 1);
        }
        return (System.nanoTime() - start) / 1e6 / settings.singleCalls();
    }

    private static double largeThroughput(Runner runner, float[][] large, Settings settings) {
        for (int i = 0; i < 2; i++) {
            runner.run(large, settings.largeBatch());
        }
        long start = System.nanoTime();
        for (int i = 0; i < settings.largeCalls(); i++) {
            runner.run(large, settings.largeBatch());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return settings.largeCalls() * (double) settings.largeBatch() / seconds;
    }

    private static void djlForward(
            MultimodalModel model, NDManager manager, float[][] inputs, int batch) {
        try (NDManager sub = manager.newSubManager()) {
            NDList in = new NDList();
            List<ModalitySpec> modalities = model.modalities();
            for (int m = 0; m < modalities.size(); m++) {
                in.add(
                        sub.create(
                                FloatBuffer.wrap(inputs[m]),
                                new Shape(batch).addAll(modalities.get(m).shape())));
            }
            for (NDArray out : model.forward(new ParameterStore(sub, false), in, false)) {
                out.toFloatArray();
            }
        }
    }

    private static void ortForward(
            OnnxRuntimeModel onnx, List<ModalitySpec> modalities, float[][] inputs, int batch) {
        Map<String, float[]> feed = new LinkedHashMap<>();
        for (int m = 0; m < modalities.size(); m++) {
            feed.put(modalities.get(m).name(), inputs[m]);
        }
        onnx.run(feed, batch);
    }

    private static double median(double[] values) {
        List<Double> sorted = new ArrayList<>();
        for (double v : values) {
            sorted.add(v);
        }
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
