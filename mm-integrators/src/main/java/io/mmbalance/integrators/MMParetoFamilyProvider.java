package io.mmbalance.integrators;

import com.typesafe.config.Config;

import io.mmbalance.api.integrate.GradientIntegrator;
import io.mmbalance.api.integrate.GradientIntegratorProvider;

/**
 * The MMPareto providers: one integrator, {@link MMParetoIntegrator}, under several names whose
 * defaults in {@code reference.conf} differ.
 */
abstract class MMParetoFamilyProvider implements GradientIntegratorProvider {

    private final String name;
    private final String description;

    MMParetoFamilyProvider(String name, String description) {
        this.name = name;
        this.description = description;
    }

    /** {@inheritDoc} */
    @Override
    public String name() {
        return name;
    }

    /** {@inheritDoc} */
    @Override
    public String description() {
        return description;
    }

    /** {@inheritDoc} */
    @Override
    public Config defaults() {
        return IntegratorDefaults.of(name);
    }

    /** {@inheritDoc} */
    @Override
    public GradientIntegrator create(Config config) {
        return new MMParetoIntegrator(name, MMParetoSettings.from(config.withFallback(defaults())));
    }
}
