package io.mmbalance.api.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Merges a user's configuration section with its documented defaults and validates it. */
public final class ConfigSections {

    private ConfigSections() {}

    /**
     * Returns {@code user} over {@code defaults}, after checking that the user set no key the
     * defaults do not document and that every value has the documented type.
     *
     * @param user the user's section (may be empty)
     * @param defaults the documented defaults of the section, usually from a {@code
     *     reference.conf}
     * @param path the section's path in the whole configuration, used in messages
     * @param allowed extra top-level keys the user may set that have no default
     * @return the merged, resolved section
     * @throws ConfigException.BadPath when a key is unknown; the message names the key, its origin
     *     and the known keys
     */
    public static Config merge(Config user, Config defaults, String path, Set<String> allowed) {
        return merge(user, defaults, path, allowed, Set.of());
    }

    /**
     * Like {@link #merge(Config, Config, String, Set)}, but leaves the contents of the {@code
     * opaque} top-level keys unchecked; they are plugin sections that their plugin validates.
     *
     * @param user the user's section (may be empty)
     * @param defaults the documented defaults of the section
     * @param path the section's path in the whole configuration, used in messages
     * @param allowed extra top-level keys the user may set that have no default
     * @param opaque top-level keys whose contents are not checked here
     * @return the merged, resolved section
     */
    public static Config merge(
            Config user, Config defaults, String path, Set<String> allowed, Set<String> opaque) {
        List<String> problems = new ArrayList<>();
        checkKeys(user.root(), defaults.root(), path, allowed, opaque, problems);
        if (!problems.isEmpty()) {
            throw new ConfigException.BadPath(path, String.join("; ", problems));
        }
        Config merged = user.withFallback(defaults).resolve();
        merged.checkValid(defaults);
        return merged;
    }

    private static void checkKeys(
            ConfigObject user,
            ConfigObject defaults,
            String path,
            Set<String> allowed,
            Set<String> opaque,
            List<String> problems) {
        for (Map.Entry<String, ConfigValue> e : user.entrySet()) {
            String key = e.getKey();
            String full = path.isEmpty() ? key : path + "." + key;
            ConfigValue def = defaults.get(key);
            if (def == null) {
                if (!allowed.contains(key)) {
                    problems.add(
                            describe(e.getValue())
                                    + "unknown key '"
                                    + full
                                    + "'; known keys here: "
                                    + String.join(", ", new java.util.TreeSet<>(defaults.keySet())));
                }
                continue;
            }
            if (!opaque.contains(key)
                    && def.valueType() == ConfigValueType.OBJECT
                    && e.getValue().valueType() == ConfigValueType.OBJECT) {
                checkKeys(
                        (ConfigObject) e.getValue(),
                        (ConfigObject) def,
                        full,
                        Set.of(),
                        Set.of(),
                        problems);
            }
        }
    }

    private static String describe(ConfigValue value) {
        String origin = value.origin() == null ? null : value.origin().description();
        return origin == null ? "" : origin + ": ";
    }

    /**
     * Returns the sub-section at {@code path}, or an empty config when it is absent.
     *
     * @param config the configuration
     * @param path the path of the section
     * @return the section
     */
    public static Config sectionOrEmpty(Config config, String path) {
        return config.hasPath(path) ? config.getConfig(path) : ConfigFactory.empty();
    }
}
