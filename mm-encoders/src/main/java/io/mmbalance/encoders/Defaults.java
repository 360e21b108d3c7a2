package io.mmbalance.encoders;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;

/** Reads this module's documented defaults from its {@code reference.conf}. */
final class Defaults {

    private static final Config REFERENCE =
            ConfigFactory.parseResources(Defaults.class.getClassLoader(), "reference.conf");

    private Defaults() {}

    static Config of(String path) {
        return REFERENCE.hasPath(path) ? REFERENCE.getConfig(path) : ConfigFactory.empty();
    }
}
