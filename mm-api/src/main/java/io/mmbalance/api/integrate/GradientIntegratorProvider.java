package io.mmbalance.api.integrate;

import com.typesafe.config.Config;
import io.mmbalance.api.NamedProvider;

/** Creates {@link GradientIntegrator}s; found by {@link java.util.ServiceLoader}. */
public interface GradientIntegratorProvider extends NamedProvider {

    /**
     * Returns this integrator's documented defaults: the keys a user may set, with their default
     * values. Usually read from the module's {@code reference.conf}.
     *
     * @return the defaults, possibly empty
     */
    Config defaults();

    /**
     * Creates an integrator from a configuration section already merged over {@link
     * #defaults()}.
     *
     * @param config the integrator section with every documented key present
     * @return a new integrator
     */
    GradientIntegrator create(Config config);
}
