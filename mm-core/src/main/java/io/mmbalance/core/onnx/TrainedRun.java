package io.mmbalance.core.onnx;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;
import io.mmbalance.api.data.ModalitySpec;
import io.mmbalance.core.RunConfig;
import io.mmbalance.core.model.ModelFactory;
import io.mmbalance.core.model.MultimodalModel;
import io.mmbalance.core.train.RunFolder;
import io.mmbalance.core.train.TrainingSettings;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A finished run folder read back: its configuration, the dataset's modalities and classes from
 * {@code data.json}, and the trained parameters, from which the model is rebuilt.
 */
public final class TrainedRun {

    /** The data recipe file of a run folder. */
    public static final String DATA = "data.json";

    private static final Pattern MODALITY =
            Pattern.compile("ModalitySpec\\[name=([^,\\]]+), shape=\\(([0-9, ]*)\\)\\]");

    private final Path dir;
    private final String configText;
    private final RunConfig config;
    private final String dataRecipe;
    private final List<ModalitySpec> modalities;
    private final List<String> classes;
    private final List<String> tasks;

    private TrainedRun(
            Path dir,
            String configText,
            RunConfig config,
            String dataRecipe,
            List<ModalitySpec> modalities,
            List<String> classes,
            List<String> tasks) {
        this.dir = dir;
        this.configText = configText;
        this.config = config;
        this.dataRecipe = dataRecipe;
        this.modalities = modalities;
        this.classes = classes;
        this.tasks = tasks;
    }

    /**
     * Reads a run folder's configuration and data recipe.
     *
     * @param dir the run folder
     * @return the run
     * @throws IOException when {@code config.conf}, {@code data.json} or {@code model.params} is
     *     missing or unreadable, or {@code data.json} lacks the modalities or classes
     */
    public static TrainedRun open(Path dir) throws IOException {
        for (String name : List.of(RunFolder.CONFIG, DATA, RunFolder.PARAMETERS)) {
            if (!Files.isRegularFile(dir.resolve(name))) {
                throw new NoSuchFileException(
                        dir.resolve(name).toString(),
                        null,
                        "not a finished run folder: no " + name);
            }
        }
        Path configFile = dir.resolve(RunFolder.CONFIG);
        String configText = Files.readString(configFile, StandardCharsets.UTF_8);
        RunConfig config =
                RunConfig.of(
                        ConfigFactory.parseString(
                                configText,
                                ConfigParseOptions.defaults()
                                        .setSyntax(ConfigSyntax.CONF)
                                        .setOriginDescription(configFile.toString())),
                        configFile.toString());
        String recipe = Files.readString(dir.resolve(DATA), StandardCharsets.UTF_8);
        JsonNode data = new ObjectMapper().readTree(recipe);
        List<String> classes = strings(data, "classes", dir);
        List<String> tasks = data.has("tasks") ? strings(data, "tasks", dir) : List.of("label");
        return new TrainedRun(
                dir, configText, config, recipe, modalities(data, dir), classes, tasks);
    }

    /**
     * Returns the run folder.
     *
     * @return the folder
     */
    public Path dir() {
        return dir;
    }

    /**
     * Returns the run's validated configuration.
     *
     * @return the configuration
     */
    public RunConfig config() {
        return config;
    }

    /**
     * Returns the dataset's modalities, in the model's input order.
     *
     * @return the modalities
     */
    public List<ModalitySpec> modalities() {
        return modalities;
    }

    /**
     * Returns the class labels.
     *
     * @return the classes
     */
    public List<String> classes() {
        return classes;
    }

    /**
     * Returns the task names.
     *
     * @return the tasks
     */
    public List<String> tasks() {
        return tasks;
    }

    /**
     * Rebuilds the run's model and loads its trained parameters.
     *
     * @param factory the model factory over the installed plugins
     * @param manager the manager that will own the parameters
     * @return the model
     * @throws IOException when the parameter file cannot be read
     * @throws MalformedModelException when the parameters do not fit the rebuilt model
     */
    public MultimodalModel loadModel(ModelFactory factory, NDManager manager)
            throws IOException, MalformedModelException {
        TrainingSettings settings = TrainingSettings.from(config.config().getConfig("training"));
        MultimodalModel model =
                factory.create(
                        config.config().getConfig("model"),
                        modalities,
                        classes,
                        tasks,
                        !settings.oneJointLoss());
        model.initialize(manager);
        Path params = dir.resolve(RunFolder.PARAMETERS);
        try (InputStream in = Files.newInputStream(params)) {
            model.loadParameters(manager, new DataInputStream(in));
        } catch (IOException | RuntimeException e) {
            throw new MalformedModelException(
                    params + " does not fit the model rebuilt from " + RunFolder.CONFIG + ": " + e,
                    e);
        }
        return model;
    }

    /**
     * Returns the metadata an export of this run records: the model's inputs, outputs and classes
     * with the run's data recipe and configuration.
     *
     * @param model the run's model
     * @return the description
     */
    public OnnxModelInfo info(MultimodalModel model) {
        return OnnxModelInfo.of(model, dataRecipe, configText);
    }

    private static List<String> strings(JsonNode data, String key, Path dir) throws IOException {
        JsonNode node = data.get(key);
        if (node == null || !node.isArray()) {
            throw new IOException(dir.resolve(DATA) + ": no array '" + key + "'");
        }
        List<String> out = new ArrayList<>();
        node.forEach(n -> out.add(n.asText()));
        return List.copyOf(out);
    }

    private static List<ModalitySpec> modalities(JsonNode data, Path dir) throws IOException {
        JsonNode node = data.get("modalities");
        List<ModalitySpec> out = new ArrayList<>();
        if (node != null && node.isArray()) {
            for (JsonNode one : node) {
                long[] shape = new long[one.path("shape").size()];
                for (int i = 0; i < shape.length; i++) {
                    shape[i] = one.path("shape").get(i).asLong();
                }
                out.add(new ModalitySpec(one.path("name").asText(), new Shape(shape)));
            }
        } else if (node != null && node.isTextual()) {
            Matcher m = MODALITY.matcher(node.asText());
            while (m.find()) {
                long[] shape =
                        Arrays.stream(m.group(2).split(","))
                                .map(String::trim)
                                .filter(s -> !s.isEmpty())
                                .mapToLong(Long::parseLong)
                                .toArray();
                out.add(new ModalitySpec(m.group(1).trim(), new Shape(shape)));
            }
        }
        if (out.isEmpty()) {
            throw new IOException(dir.resolve(DATA) + ": cannot read the modalities from " + node);
        }
        return List.copyOf(out);
    }
}
