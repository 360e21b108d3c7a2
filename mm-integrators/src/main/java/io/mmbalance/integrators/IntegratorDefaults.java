package io.mmbalance.integrators;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;

/** Reads the integrators' documented defaults from this module's {@code reference.conf}. */
final class IntegratorDefaults {

    /** The path under which {@code reference.conf} holds one section per integrator. */
    static final String ROOT = "mm.integrators";

    private IntegratorDefaults() {}

    /**
     * Returns the defaults of one integrator.
     *
     * @param name the integrator's name
     * @return its section of the reference configuration
     */
    static Config of(String name) {
        Config reference =
                ConfigFactory.defaultReference(IntegratorDefaults.class.getClassLoader());
        return reference.getConfig(ROOT + "." + name);
    }
}
