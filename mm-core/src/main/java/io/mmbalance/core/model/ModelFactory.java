package io.mmbalance.core.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import io.mmbalance.api.ProviderRegistry;
import io.mmbalance.api.config.ConfigSections;
import io.mmbalance.api.data.ModalitySpec;
import io.mmbalance.api.model.EncoderProvider;
import io.mmbalance.api.model.FusionProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Assembles a {@link MultimodalModel} from the {@code model} section of a run configuration.
 *
 * <p>With several modalities and one task, each modality gets its own encoder, a fusion head
 * gives the primary objective "multimodal", and each modality gets a linear unimodal head
 * ("unimodal/NAME"). With one modality and several tasks, one shared encoder feeds one linear
 * head per task ("task/NAME"), none primary.
 */
public final class ModelFactory {

    private final ProviderRegistry<EncoderProvider> encoders;
    private final ProviderRegistry<FusionProvider> fusions;

    /**
     * Creates a factory over the installed plugins.
     *
     * @param encoders the encoder registry
     * @param fusions the fusion-head registry
     */
    public ModelFactory(
            ProviderRegistry<EncoderProvider> encoders, ProviderRegistry<FusionProvider> fusions) {
        this.encoders = encoders;
        this.fusions = fusions;
    }

    /**
     * Builds an uninitialised model.
     *
     * @param model the {@code model} section
     * @param modalities the dataset's modalities
     * @param classes the class names
     * @param tasks the task names
     * @param unimodalLossesReachEncoders false in one-joint-loss mode, where unimodal heads are
     *     probes on detached features
     * @return the model
     */
    public MultimodalModel create(
            Config model,
            List<ModalitySpec> modalities,
            List<String> classes,
            List<String> tasks,
            boolean unimodalLossesReachEncoders) {
        List<String> names = modalities.stream().map(ModalitySpec::name).toList();
        Config overrides =
                model.hasPath("encoders") ? model.getConfig("encoders") : ConfigFactory.empty();
        for (String key : overrides.root().keySet()) {
            if (!names.contains(key)) {
                throw new ConfigException.BadPath(
                        overrides.getValue(quoted(key)).origin(),
                        "model.encoders." + key,
                        "no modality '" + key + "' in this dataset; its modalities are " + names);
            }
        }
        List<EncoderGroup> groups = new ArrayList<>();
        List<Objective> objectives = new ArrayList<>();
        if (tasks.size() > 1) {
            if (modalities.size() != 1) {
                throw new IllegalArgumentException(
                        "a multi-task dataset must have one modality, this one has "
                                + modalities.size());
            }
            groups.add(encoder("shared", 0, modalities.get(0), model));
            for (int t = 0; t < tasks.size(); t++) {
                objectives.add(
                        new Objective(
                                "task/" + tasks.get(t),
                                List.of(0),
                                linear(classes.size()),
                                t,
                                false,
                                true));
            }
        } else {
            for (int m = 0; m < modalities.size(); m++) {
                groups.add(encoder(modalities.get(m).name(), m, modalities.get(m), model));
            }
            Config fusionSection = model.getConfig("fusion");
            FusionProvider fusion = fusions.get(nameOf(fusionSection, "model.fusion"));
            Config fusionConfig =
                    ConfigSections.merge(
                            fusionSection, fusion.defaults(), "model.fusion", Set.of("name"));
            List<Long> sizes = groups.stream().map(EncoderGroup::features).toList();
            List<Integer> all = new ArrayList<>();
            for (int i = 0; i < groups.size(); i++) {
                all.add(i);
            }
            objectives.add(
                    new Objective(
                            "multimodal",
                            all,
                            fusion.create(fusionConfig, sizes, classes.size()),
                            0,
                            true,
                            true));
            for (int i = 0; i < groups.size(); i++) {
                objectives.add(
                        new Objective(
                                "unimodal/" + groups.get(i).name(),
                                List.of(i),
                                linear(classes.size()),
                                0,
                                false,
                                unimodalLossesReachEncoders));
            }
        }
        return new MultimodalModel(modalities, classes, groups, objectives);
    }

    private EncoderGroup encoder(String name, int modality, ModalitySpec spec, Config model) {
        String path = "model.encoders." + spec.name();
        Config section = model.getConfig("encoder");
        String where = "model.encoder";
        if (model.hasPath("encoders." + quoted(spec.name()))) {
            section = model.getConfig("encoders." + quoted(spec.name())).withFallback(section);
            where = path;
        }
        EncoderProvider provider = encoders.get(nameOf(section, where));
        Config merged = ConfigSections.merge(section, provider.defaults(), where, Set.of("name"));
        Shape shape = spec.shape();
        Block block = provider.create(merged, shape);
        return new EncoderGroup(name, modality, block, provider.outputSize(merged, shape));
    }

    private static String quoted(String key) {
        return "\"" + key + "\"";
    }

    private static String nameOf(Config section, String path) {
        if (!section.hasPath("name")) {
            throw new ConfigException.Missing(section.origin(), path + ".name");
        }
        return section.getString("name");
    }

    private static Block linear(int classes) {
        return new SequentialBlock().add(Linear.builder().setUnits(classes).build());
    }
}
