package io.mmbalance.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.mmbalance.api.data.ModalitySpec;
import io.mmbalance.core.onnx.OnnxModelInfo;
import io.mmbalance.core.onnx.OnnxRuntimeModel;
import io.mmbalance.core.onnx.ParityCheck;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Runs an exported model in ONNX Runtime on input files and prints each sample's classes. */
@Command(
        mixinStandardHelpOptions = true,
        name = "predict",
        description = {
            "Predict with an exported ONNX model in ONNX Runtime.",
            "Each --input NAME=PATH feeds the input named after a modality: an IDX image file"
                    + " (pixel / 255; add --tint NAME=R,G,B for a 3-channel input), a .npy file"
                    + " of float32/float64 samples (n, sample shape...), or comma-separated .wav"
                    + " files turned into features by the model's audio recipe."
        })
final class PredictCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(
            names = {"-m", "--model"},
            required = true,
            description = "The ONNX file written by mm export.")
    Path model;

    @Option(
            names = "--input",
            required = true,
            description = "NAME=PATH: the samples of one input (repeat for each input).")
    Map<String, String> inputs = new LinkedHashMap<>();

    @Option(
            names = "--tint",
            description = "NAME=R,G,B: the colour of a 3-channel input read from an IDX file.")
    Map<String, String> tints = new LinkedHashMap<>();

    @Option(
            names = "--format",
            defaultValue = "text",
            description = "text or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(
            names = "--batch",
            defaultValue = "64",
            description = "Samples per ONNX Runtime call (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(
            names = "--limit",
            defaultValue = "0",
            description =
                    "Predict only the first N samples; 0 for all (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(
            names = "--threads",
            defaultValue = "0",
            description =
                    "ONNX Runtime threads per operator; 0 for its default"
                            + " (default: ${DEFAULT-VALUE}).")
    int threads;

    @Override
    public Integer call() throws Exception {
        if (!format.equals("text") && !format.equals("json")) {
            throw new IllegalArgumentException("--format must be text or json, got " + format);
        }
        if (batch < 1) {
            throw new IllegalArgumentException("--batch must be >= 1, got " + batch);
        }
        if (limit < 0) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(), "--limit must be >= 0 (0 = all), not " + limit);
        }
        try (OnnxRuntimeModel onnx = OnnxRuntimeModel.load(model, threads)) {
            OnnxModelInfo info = onnx.info();
            Map<String, ModelInputs.Samples> samples = read(info);
            int count = samples.values().iterator().next().count();
            if (limit > 0) {
                count = Math.min(count, limit);
            }
            List<Map<String, float[]>> logits = new ArrayList<>();
            for (int from = 0; from < count; from += batch) {
                int n = Math.min(batch, count - from);
                Map<String, float[]> feed = new LinkedHashMap<>();
                for (Map.Entry<String, ModelInputs.Samples> e : samples.entrySet()) {
                    int size = sampleSize(info, e.getKey());
                    feed.put(
                            e.getKey(),
                            Arrays.copyOfRange(
                                    e.getValue().values(), from * size, (from + n) * size));
                }
                logits.add(onnx.run(feed, n));
            }
            PrintWriter out = spec.commandLine().getOut();
            if (format.equals("json")) {
                printJson(out, info, logits, count);
            } else {
                printText(out, info, logits);
            }
            out.flush();
        }
        return 0;
    }

    private Map<String, ModelInputs.Samples> read(OnnxModelInfo info) throws Exception {
        List<String> expected = info.inputNames();
        List<String> missing = new ArrayList<>(expected);
        missing.removeAll(inputs.keySet());
        List<String> unknown = new ArrayList<>(new TreeMap<>(inputs).keySet());
        unknown.removeAll(expected);
        if (!missing.isEmpty() || !unknown.isEmpty()) {
            List<String> parts = new ArrayList<>();
            if (!missing.isEmpty()) {
                parts.add("missing input(s) " + String.join(", ", missing));
            }
            if (!unknown.isEmpty()) {
                parts.add("unknown input(s) " + String.join(", ", unknown));
            }
            throw new IllegalArgumentException(
                    String.join("; ", parts)
                            + "; the model expects inputs named "
                            + String.join(", ", expected));
        }
        for (String name : tints.keySet()) {
            if (!expected.contains(name)) {
                throw new IllegalArgumentException(
                        "--tint names no input: '"
                                + name
                                + "'; the model expects inputs named "
                                + String.join(", ", expected));
            }
        }
        Map<String, ModelInputs.Samples> samples = new LinkedHashMap<>();
        int count = -1;
        String first = null;
        for (ModalitySpec m : info.modalities()) {
            ModelInputs.Samples s = ModelInputs.read(m, inputs.get(m.name()), tint(m.name()), info);
            if (count >= 0 && s.count() != count) {
                throw new IllegalArgumentException(
                        "input '"
                                + m.name()
                                + "' has "
                                + s.count()
                                + " samples but input '"
                                + first
                                + "' has "
                                + count
                                + "; every input needs the same number");
            }
            count = s.count();
            first = m.name();
            samples.put(m.name(), s);
        }
        return samples;
    }

    private float[] tint(String name) {
        String value = tints.get(name);
        if (value == null) {
            return null;
        }
        String[] parts = value.split(",");
        float[] rgb = new float[3];
        boolean ok = parts.length == 3;
        for (int c = 0; ok && c < 3; c++) {
            try {
                rgb[c] = Float.parseFloat(parts[c].trim());
                ok = rgb[c] >= 0 && rgb[c] <= 1;
            } catch (NumberFormatException e) {
                ok = false;
            }
        }
        if (!ok) {
            throw new IllegalArgumentException(
                    "--tint " + name + "=" + value + ": give three numbers R,G,B from 0 to 1");
        }
        return rgb;
    }

    private static int sampleSize(OnnxModelInfo info, String name) {
        for (ModalitySpec m : info.modalities()) {
            if (m.name().equals(name)) {
                return m.sampleSize();
            }
        }
        throw new IllegalStateException(name);
    }

    private static void printText(
            PrintWriter out, OnnxModelInfo info, List<Map<String, float[]>> logits) {
        int k = info.classes().size();
        int width = info.outputs().stream().mapToInt(o -> o.name().length()).max().orElse(0);
        int sample = 0;
        for (Map<String, float[]> batch : logits) {
            int n = batch.values().iterator().next().length / k;
            for (int i = 0; i < n; i++, sample++) {
                out.println("sample " + sample);
                for (Map.Entry<String, float[]> e : batch.entrySet()) {
                    float[] row = Arrays.copyOfRange(e.getValue(), i * k, (i + 1) * k);
                    int best = ParityCheck.argMax(row, 0, k);
                    StringBuilder scores = new StringBuilder();
                    for (float v : row) {
                        scores.append(String.format(Locale.ROOT, " %.4f", v));
                    }
                    out.printf(
                            Locale.ROOT,
                            "  %-" + width + "s  class %s  p=%.4f  logits%s%n",
                            e.getKey(),
                            info.classes().get(best),
                            softmax(row)[best],
                            scores);
                }
            }
        }
    }

    private void printJson(
            PrintWriter out, OnnxModelInfo info, List<Map<String, float[]>> logits, int count)
            throws Exception {
        int k = info.classes().size();
        List<Map<String, Object>> predictions = new ArrayList<>();
        int sample = 0;
        for (Map<String, float[]> batch : logits) {
            int n = batch.values().iterator().next().length / k;
            for (int i = 0; i < n; i++, sample++) {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("sample", sample);
                for (Map.Entry<String, float[]> e : batch.entrySet()) {
                    float[] row = Arrays.copyOfRange(e.getValue(), i * k, (i + 1) * k);
                    int best = ParityCheck.argMax(row, 0, k);
                    Map<String, Object> o = new LinkedHashMap<>();
                    o.put("class", info.classes().get(best));
                    o.put("index", best);
                    o.put("logits", row);
                    o.put("probabilities", softmax(row));
                    p.put(e.getKey(), o);
                }
                predictions.add(p);
            }
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("model", model.toString());
        doc.put("inputs", info.inputNames());
        doc.put("outputs", info.outputs().stream().map(OnnxModelInfo.Output::name).toList());
        doc.put("classes", info.classes());
        doc.put("samples", count);
        doc.put("predictions", predictions);
        out.println(
                new ObjectMapper()
                        .enable(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(doc));
    }

    private static float[] softmax(float[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : logits) {
            max = Math.max(max, v);
        }
        double sum = 0;
        double[] e = new double[logits.length];
        for (int i = 0; i < logits.length; i++) {
            e[i] = Math.exp(logits[i] - max);
            sum += e[i];
        }
        float[] p = new float[logits.length];
        for (int i = 0; i < logits.length; i++) {
            p[i] = (float) (e[i] / sum);
        }
        return p;
    }
}
