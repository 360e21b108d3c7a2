package io.mmbalance.core.onnx;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.mmbalance.api.data.ModalitySpec;
import io.mmbalance.core.EngineDefaults;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * An exported model loaded into ONNX Runtime through DJL's OnnxRuntime engine, fed by input name.
 *
 * <p>The engine runs the native library carried by the onnxruntime jar and downloads nothing.
 */
public final class OnnxRuntimeModel implements AutoCloseable {

    /** The DJL engine that runs ONNX files. */
    public static final String ENGINE = "OnnxRuntime";

    static {
        EngineDefaults.apply();
    }

    private final Model model;
    private final OnnxModelInfo info;
    private final List<String> sessionInputs;

    private OnnxRuntimeModel(Model model, OnnxModelInfo info, List<String> sessionInputs) {
        this.model = model;
        this.info = info;
        this.sessionInputs = sessionInputs;
    }

    /**
     * Loads an ONNX file written by {@link OnnxExporter}.
     *
     * @param file the ONNX file
     * @param threads the number of threads ONNX Runtime uses inside an operator; 0 for its default
     * @return the loaded model
     * @throws IOException when the file cannot be read
     * @throws MalformedModelException when ONNX Runtime rejects the file
     * @throws IllegalArgumentException when the file lacks the metadata {@code mm export} writes
     */
    public static OnnxRuntimeModel load(Path file, int threads)
            throws IOException, MalformedModelException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("ONNX file not found: " + file.toAbsolutePath());
        }
        Model model = Model.newInstance("mm-onnx", Device.cpu(), ENGINE);
        try {
            Map<String, String> options = new HashMap<>();
            if (threads > 0) {
                options.put("intraOpNumThreads", Integer.toString(threads));
                options.put("interOpNumThreads", "1");
            }
            try {
                model.load(file, null, options);
            } catch (MalformedModelException | ai.djl.engine.EngineException e) {
                throw new MalformedModelException(
                        file + ": ONNX Runtime cannot load it (" + e.getMessage()
                                + "); is it a model written by mm export?",
                        e);
            }
            OnnxModelInfo info = OnnxModelInfo.fromMetadata(model.getBlock().getCustomMetadata());
            List<String> names = new ArrayList<>(model.getBlock().describeInput().keys());
            if (!new TreeSet<>(names).equals(new TreeSet<>(info.inputNames()))) {
                throw new MalformedModelException(
                        "the graph's inputs "
                                + names
                                + " differ from the modalities in its metadata "
                                + info.inputNames());
            }
            return new OnnxRuntimeModel(model, info, names);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /**
     * Returns what the model records about itself.
     *
     * @return the model's description
     */
    public OnnxModelInfo info() {
        return info;
    }

    /**
     * Returns the names of the inputs the model expects, in modality order.
     *
     * @return the input names
     */
    public List<String> inputNames() {
        return info.inputNames();
    }

    /**
     * Runs the model on one batch.
     *
     * @param inputs each input's values by input name, in any order: {@code batch} samples in
     *     row-major order of {@code (batch, sample shape...)}
     * @param batch the number of samples
     * @return each output's logits by output name, in objective order, {@code batch * classes}
     *     values each, row-major
     * @throws IllegalArgumentException when an input is missing, unknown or of the wrong size; the
     *     message lists the expected input names
     */
    public Map<String, float[]> run(Map<String, float[]> inputs, int batch) {
        check(inputs, batch);
        try (NDManager manager = model.getNDManager().newSubManager()) {
            NDList in = new NDList();
            for (ModalitySpec spec : info.modalities()) {
                NDArray a =
                        manager.create(
                                FloatBuffer.wrap(inputs.get(spec.name())),
                                new Shape(batch).addAll(spec.shape()));
                a.setName(spec.name());
                in.add(a);
            }
            NDList out = model.getBlock().forward(new ParameterStore(manager, false), in, false);
            Map<String, float[]> byName = new HashMap<>();
            for (NDArray a : out) {
                byName.put(a.getName(), a.toFloatArray());
            }
            Map<String, float[]> result = new LinkedHashMap<>();
            for (OnnxModelInfo.Output o : info.outputs()) {
                float[] values = byName.get(o.name());
                if (values == null) {
                    throw new IllegalStateException(
                            "ONNX Runtime returned no output '"
                                    + o.name()
                                    + "'; it returned "
                                    + byName.keySet());
                }
                result.put(o.name(), values);
            }
            return result;
        }
    }

    private void check(Map<String, float[]> inputs, int batch) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be >= 1, got " + batch);
        }
        List<String> expected = info.inputNames();
        List<String> missing = new ArrayList<>();
        for (String name : expected) {
            if (!inputs.containsKey(name)) {
                missing.add(name);
            }
        }
        List<String> unknown = new ArrayList<>();
        for (String name : new TreeSet<>(inputs.keySet())) {
            if (!expected.contains(name) || !sessionInputs.contains(name)) {
                unknown.add(name);
            }
        }
        if (!missing.isEmpty() || !unknown.isEmpty()) {
            StringBuilder message = new StringBuilder();
            if (!missing.isEmpty()) {
                message.append("missing input(s) ").append(String.join(", ", missing));
            }
            if (!unknown.isEmpty()) {
                message.append(missing.isEmpty() ? "" : "; ")
                        .append("unknown input(s) ")
                        .append(String.join(", ", unknown));
            }
            message.append("; the model expects inputs named ").append(String.join(", ", expected));
            throw new IllegalArgumentException(message.toString());
        }
        for (ModalitySpec spec : info.modalities()) {
            long size = batch * spec.shape().size();
            int length = inputs.get(spec.name()).length;
            if (length != size) {
                throw new IllegalArgumentException(
                        "input '"
                                + spec.name()
                                + "' holds "
                                + length
                                + " values; "
                                + batch
                                + " samples of shape "
                                + spec.shape()
                                + " need "
                                + size);
            }
        }
    }

    @Override
    public void close() {
        model.close();
    }
}
