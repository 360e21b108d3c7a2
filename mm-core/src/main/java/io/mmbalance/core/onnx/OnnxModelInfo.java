package io.mmbalance.core.onnx;

import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mmbalance.api.data.ModalitySpec;
import io.mmbalance.core.model.MultimodalModel;
import io.mmbalance.core.model.Objective;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * What an exported model records about itself in the ONNX {@code metadata_props}: its inputs (one
 * per modality, with the sample shape), outputs (one per objective), class labels, tasks, the
 * framework version and, when exported from a run, the run's data recipe and configuration.
 *
 * @param modalities the inputs, in the model's modality order
 * @param outputs the outputs, in objective order
 * @param classes the class labels; output column {@code i} scores class {@code i}
 * @param tasks the task names
 * @param frameworkVersion the version of the framework that exported the model
 * @param dataRecipe the run's {@code data.json}, or "" when unknown
 * @param runConfig the run's resolved configuration, or "" when unknown
 */
public record OnnxModelInfo(
        List<ModalitySpec> modalities,
        List<Output> outputs,
        List<String> classes,
        List<String> tasks,
        String frameworkVersion,
        String dataRecipe,
        String runConfig) {

    /** Key of the modality list: JSON {@code [{"name": ..., "shape": [...]}, ...]}. */
    public static final String MODALITIES = "mm.modalities";

    /** Key of the output list: JSON {@code [{"name", "objective", "task", "primary"}, ...]}. */
    public static final String OUTPUTS = "mm.outputs";

    /** Key of the class labels: a JSON array of strings. */
    public static final String CLASSES = "mm.classes";

    /** Key of the task names: a JSON array of strings. */
    public static final String TASKS = "mm.tasks";

    /** Key of the name of the framework, "mm". */
    public static final String FRAMEWORK = "mm.framework";

    /** Key of the framework version. */
    public static final String FRAMEWORK_VERSION = "mm.framework-version";

    /** Key of the run's data recipe ({@code data.json}). */
    public static final String DATA_RECIPE = "mm.data-recipe";

    /** Key of the run's resolved configuration ({@code config.conf}). */
    public static final String RUN_CONFIG = "mm.run-config";

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One output of an exported model: one objective's logits, shape {@code (batch, classes)}.
     *
     * @param name the output's name in the ONNX graph, e.g. "unimodal_gray"
     * @param objective the objective's name, e.g. "unimodal/gray"
     * @param task the task whose labels trained it
     * @param primary whether it is the primary (multimodal) objective
     */
    public record Output(String name, String objective, String task, boolean primary) {}

    /**
     * Describes a model, with the run's recipe and configuration when known.
     *
     * @param model the model
     * @param dataRecipe the run's {@code data.json}, or ""
     * @param runConfig the run's resolved configuration, or ""
     * @return the description
     */
    public static OnnxModelInfo of(MultimodalModel model, String dataRecipe, String runConfig) {
        List<Output> outputs = new ArrayList<>();
        List<String> tasks = new ArrayList<>();
        for (Objective o : model.objectives()) {
            String task = o.name().startsWith("task/") ? o.name().substring(5) : "label";
            if (!tasks.contains(task)) {
                tasks.add(task);
            }
            outputs.add(new Output(outputName(o.name()), o.name(), task, o.primary()));
        }
        return new OnnxModelInfo(
                model.modalities(),
                outputs,
                model.classes(),
                tasks,
                frameworkVersionOfThisBuild(),
                dataRecipe,
                runConfig);
    }

    /**
     * Returns the name of the ONNX output of an objective: its name with every character other than
     * a letter, digit, '_', '.' or '-' replaced by '_' ("unimodal/gray" gives "unimodal_gray").
     *
     * @param objective the objective's name
     * @return the output's name
     */
    public static String outputName(String objective) {
        return objective.replaceAll("[^A-Za-z0-9_.-]", "_");
    }

    /**
     * Returns the version of the framework classes running now.
     *
     * @return the version, e.g. "0.1.0-SNAPSHOT"
     */
    public static String frameworkVersionOfThisBuild() {
        try (InputStream in = OnnxModelInfo.class.getResourceAsStream("framework.properties")) {
            if (in == null) {
                throw new IllegalStateException("framework.properties is missing from the build");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Returns the names of the inputs, in modality order.
     *
     * @return the input names
     */
    public List<String> inputNames() {
        return modalities.stream().map(ModalitySpec::name).toList();
    }

    /**
     * Returns the metadata entries to store in the model, in a fixed order.
     *
     * @return the entries
     */
    public Map<String, String> toMetadata() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(FRAMEWORK, "mm");
        m.put(FRAMEWORK_VERSION, frameworkVersion);
        List<Map<String, Object>> mods = new ArrayList<>();
        for (ModalitySpec spec : modalities) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("name", spec.name());
            one.put("shape", spec.shape().getShape());
            mods.add(one);
        }
        m.put(MODALITIES, json(mods));
        m.put(OUTPUTS, json(outputs));
        m.put(CLASSES, json(classes));
        m.put(TASKS, json(tasks));
        if (!dataRecipe.isEmpty()) {
            m.put(DATA_RECIPE, dataRecipe);
        }
        if (!runConfig.isEmpty()) {
            m.put(RUN_CONFIG, runConfig);
        }
        return m;
    }

    /**
     * Reads the description back from a model's metadata.
     *
     * @param metadata the {@code metadata_props} of an ONNX model
     * @return the description
     * @throws IllegalArgumentException when an entry is missing or malformed, naming it; a model
     *     not written by {@code mm export} lacks them
     */
    public static OnnxModelInfo fromMetadata(Map<String, String> metadata) {
        List<Map<String, Object>> mods = read(metadata, MODALITIES, new TypeReference<>() {});
        List<ModalitySpec> modalities = new ArrayList<>();
        for (Map<String, Object> one : mods) {
            List<?> dims = (List<?>) one.get("shape");
            long[] shape = new long[dims.size()];
            for (int i = 0; i < shape.length; i++) {
                shape[i] = ((Number) dims.get(i)).longValue();
            }
            modalities.add(new ModalitySpec((String) one.get("name"), new Shape(shape)));
        }
        return new OnnxModelInfo(
                modalities,
                read(metadata, OUTPUTS, new TypeReference<List<Output>>() {}),
                read(metadata, CLASSES, new TypeReference<List<String>>() {}),
                read(metadata, TASKS, new TypeReference<List<String>>() {}),
                metadata.getOrDefault(FRAMEWORK_VERSION, ""),
                metadata.getOrDefault(DATA_RECIPE, ""),
                metadata.getOrDefault(RUN_CONFIG, ""));
    }

    private static <T> T read(Map<String, String> metadata, String key, TypeReference<T> type) {
        String value = metadata.get(key);
        if (value == null) {
            throw new IllegalArgumentException(
                    "the model has no metadata entry '"
                            + key
                            + "'; was it written by mm export? entries found: "
                            + metadata.keySet());
        }
        try {
            return JSON.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "metadata entry '" + key + "' is malformed: " + e.getOriginalMessage(), e);
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
