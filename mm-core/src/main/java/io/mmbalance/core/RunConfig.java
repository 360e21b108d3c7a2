package io.mmbalance.core;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigSyntax;
import io.mmbalance.api.config.ConfigSections;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * A user's run configuration merged over every module's {@code reference.conf} and validated.
 *
 * <p>The user's file holds the sections {@code run}, {@code data}, {@code dataset}, {@code
 * model}, {@code training} and {@code integrator}; their defaults live under {@code mm.} in the
 * reference configuration. Plugin sections ({@code dataset}, {@code integrator}, encoders,
 * fusion) are validated against the chosen plugin's own defaults when the plugin is created.
 */
public final class RunConfig {

    private static final Set<String> SECTIONS =
            Set.of("run", "data", "dataset", "model", "training", "integrator");

    private final Config config;
    private final String source;

    private RunConfig(Config config, String source) {
        this.config = config;
        this.source = source;
    }

    /**
     * Loads a configuration file and applies {@code key=value} overrides.
     *
     * @param file the HOCON file, or {@code null} for defaults only
     * @param overrides overrides such as {@code integrator.name=pareto}, applied in order
     * @return the validated configuration
     * @throws ConfigException when the file cannot be read or parsed, a key is unknown or a value
     *     has the wrong type; the message names the file, line and key
     */
    public static RunConfig load(Path file, List<String> overrides) {
        Config user = ConfigFactory.empty();
        String source = "defaults";
        if (file != null) {
            if (!Files.isRegularFile(file)) {
                throw new ConfigException.IO(
                        ConfigFactory.empty(file.toString()).origin(),
                        "configuration file not found: " + file.toAbsolutePath());
            }
            user =
                    ConfigFactory.parseFile(
                            file.toFile(),
                            ConfigParseOptions.defaults()
                                    .setSyntax(ConfigSyntax.CONF)
                                    .setAllowMissing(false));
            source = file.toString();
        }
        for (String override : overrides) {
            int eq = override.indexOf('=');
            if (eq <= 0) {
                throw new ConfigException.BadValue(
                        "--set", "override '" + override + "' is not of the form key=value");
            }
            Config one =
                    ConfigFactory.parseString(
                            override,
                            ConfigParseOptions.defaults().setOriginDescription("--set " + override));
            user = one.withFallback(user);
        }
        return of(user, source);
    }

    /**
     * Validates an already parsed user configuration.
     *
     * @param user the user's sections
     * @param source where it came from, for messages
     * @return the validated configuration
     */
    public static RunConfig of(Config user, String source) {
        for (String key : user.root().keySet()) {
            if (!SECTIONS.contains(key)) {
                throw new ConfigException.BadPath(
                        user.getValue(key).origin(),
                        key,
                        "unknown section '"
                                + key
                                + "'; known sections: "
                                + String.join(", ", new java.util.TreeSet<>(SECTIONS)));
            }
        }
        Config reference = ConfigFactory.defaultReference().getConfig("mm");
        Config resolved = user.withFallback(ConfigFactory.systemEnvironment()).resolve();
        Config merged = ConfigFactory.empty();
        for (String section : List.of("run", "data", "training")) {
            Config part =
                    ConfigSections.merge(
                            ConfigSections.sectionOrEmpty(resolved, section),
                            reference.getConfig(section),
                            section,
                            Set.of());
            merged = merged.withValue(section, part.root());
        }
        Config model =
                ConfigSections.merge(
                        ConfigSections.sectionOrEmpty(resolved, "model"),
                        reference.getConfig("model"),
                        "model",
                        Set.of(),
                        Set.of("encoder", "encoders", "fusion"));
        merged = merged.withValue("model", model.root());
        Config integrator =
                ConfigSections.sectionOrEmpty(resolved, "integrator")
                        .withFallback(reference.getConfig("integrator"));
        merged = merged.withValue("integrator", integrator.root());
        if (!resolved.hasPath("dataset.name")) {
            throw new ConfigException.Missing(
                    user.origin(), "dataset.name");
        }
        merged = merged.withValue("dataset", resolved.getConfig("dataset").root());
        return new RunConfig(merged.resolve(), source);
    }

    /**
     * Returns the merged configuration with the sections run, data, dataset, model, training and
     * integrator.
     *
     * @return the configuration
     */
    public Config config() {
        return config;
    }

    /**
     * Returns where the configuration came from.
     *
     * @return a file name or "defaults"
     */
    public String source() {
        return source;
    }

    /**
     * Renders the resolved configuration as HOCON, for the run folder.
     *
     * @return the rendered configuration
     */
    public String render() {
        return config.root()
                .render(
                        ConfigRenderOptions.defaults()
                                .setOriginComments(false)
                                .setJson(false)
                                .setFormatted(true));
    }
}
