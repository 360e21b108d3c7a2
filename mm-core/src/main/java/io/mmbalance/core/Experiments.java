package io.mmbalance.core;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import io.mmbalance.api.config.ConfigSections;
import io.mmbalance.api.data.DataContext;
import io.mmbalance.api.data.DatasetProvider;
import io.mmbalance.api.data.MultimodalDataset;
import io.mmbalance.api.data.Split;
import io.mmbalance.api.integrate.GradientIntegrator;
import io.mmbalance.api.integrate.GradientIntegratorProvider;
import io.mmbalance.core.model.ModelFactory;
import io.mmbalance.core.model.MultimodalModel;
import io.mmbalance.core.train.RunFolder;
import io.mmbalance.core.train.Trainer;
import io.mmbalance.core.train.TrainingListener;
import io.mmbalance.core.train.TrainingSettings;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns a {@link RunConfig} into data, a model and an integrator, and trains it. */
public final class Experiments {

    private static final Logger LOG = LoggerFactory.getLogger(Experiments.class);

    static {
        EngineDefaults.apply();
    }

    private final Plugins plugins;
    private final ModelFactory factory;

    /**
     * Creates the service.
     *
     * @param plugins the installed plugins
     * @param factory the model factory
     */
    public Experiments(Plugins plugins, ModelFactory factory) {
        this.plugins = plugins;
        this.factory = factory;
    }

    /**
     * Returns the installed plugins.
     *
     * @return the plugins
     */
    public Plugins plugins() {
        return plugins;
    }

    /**
     * Opens both splits of the configured dataset.
     *
     * @param config the run configuration
     * @return the train and test splits
     * @throws IOException when a data file is missing or malformed
     */
    public Data openData(RunConfig config) throws IOException {
        Config c = config.config();
        Config section = c.getConfig("dataset");
        DatasetProvider provider = plugins.datasets().get(section.getString("name"));
        Config merged =
                ConfigSections.merge(section, provider.defaults(), "dataset", Set.of("name"));
        DataContext context =
                new DataContext(
                        Path.of(c.getString("data.root")), Path.of(c.getString("data.cache")));
        MultimodalDataset train = provider.open(merged, Split.TRAIN, context);
        MultimodalDataset test = provider.open(merged, Split.TEST, context);
        return new Data(train, test);
    }

    /**
     * Creates the configured integrator.
     *
     * @param config the run configuration
     * @return the integrator
     */
    public GradientIntegrator integrator(RunConfig config) {
        Config section = config.config().getConfig("integrator");
        if (!section.hasPath("name")) {
            throw new ConfigException.Missing(section.origin(), "integrator.name");
        }
        GradientIntegratorProvider provider =
                plugins.integrators().get(section.getString("name"));
        return provider.create(
                ConfigSections.merge(section, provider.defaults(), "integrator", Set.of("name")));
    }

    /**
     * Builds and initialises the configured model for a dataset.
     *
     * @param config the run configuration
     * @param data the dataset
     * @param manager the manager that will own the parameters
     * @return the initialised model
     */
    public MultimodalModel model(RunConfig config, MultimodalDataset data, NDManager manager) {
        TrainingSettings settings = TrainingSettings.from(config.config().getConfig("training"));
        Engine.getInstance().setRandomSeed((int) config.config().getLong("run.seed"));
        MultimodalModel model =
                factory.create(
                        config.config().getConfig("model"),
                        data.modalities(),
                        data.classes(),
                        data.tasks(),
                        !settings.oneJointLoss());
        model.initialize(manager);
        return model;
    }

    /**
     * Trains the configured experiment in a new run folder.
     *
     * @param config the run configuration
     * @param listener progress receiver
     * @return the run folder's path
     * @throws IOException when data cannot be read or the run folder cannot be written
     */
    public Path train(RunConfig config, TrainingListener listener) throws IOException {
        Config c = config.config();
        TrainingSettings settings = TrainingSettings.from(c.getConfig("training"));
        GradientIntegrator integrator = integrator(config);
        Data data = openData(config);
        try (NDManager manager = NDManager.newBaseManager();
                RunFolder run =
                        RunFolder.create(Path.of(c.getString("run.dir")), c.getString("run.name"))) {
            run.writeText(RunFolder.CONFIG, config.render());
            Map<String, Object> recipe = new LinkedHashMap<>();
            recipe.put("train", data.train().recipe());
            recipe.put("test", data.test().recipe());
            recipe.put("modalities", data.train().modalities().toString());
            recipe.put("classes", data.train().classes());
            recipe.put("tasks", data.train().tasks());
            run.writeJson("data.json", recipe);
            LOG.info(
                    "run {}: dataset {} ({} train, {} test), integrator {}, {} epochs",
                    run.dir(),
                    c.getString("dataset.name"),
                    data.train().size(),
                    data.test().size(),
                    integrator.name(),
                    settings.epochs());
            MultimodalModel model = model(config, data.train(), manager);
            Trainer trainer =
                    new Trainer(model, settings, integrator, c.getLong("run.seed"), manager);
            Map<String, Object> summary = trainer.fit(data.train(), data.test(), run, listener);
            run.writeAtomically(
                    RunFolder.PARAMETERS, out -> model.saveParameters(new DataOutputStream(out)));
            summary.put("run", run.dir().toString());
            run.writeJson(RunFolder.SUMMARY, summary);
            return run.dir();
        }
    }

    /**
     * The two splits of a dataset.
     *
     * @param train the training split
     * @param test the test split
     */
    public record Data(MultimodalDataset train, MultimodalDataset test) {}
}
