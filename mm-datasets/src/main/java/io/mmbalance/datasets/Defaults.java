package io.mmbalance.datasets;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;

/** Reads the documented defaults of a dataset section from the merged {@code reference.conf}. */
final class Defaults {

    private Defaults() {}

    static Config section(String path) {
        Config reference = ConfigFactory.defaultReference(Defaults.class.getClassLoader());
        if (!reference.hasPath(path)) {
            throw new IllegalStateException(
                    "no section " + path + " in reference.conf; the mm-datasets jar is damaged");
        }
        return reference.getConfig(path);
    }
}
