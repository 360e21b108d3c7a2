package io.mmbalance.integrators;

import com.typesafe.config.Config;

import io.mmbalance.api.integrate.GradientIntegrator;
import io.mmbalance.api.integrate.GradientIntegratorProvider;

/** Provides {@code uniform}: the plain sum of the objectives' gradients. It has no options. */
public final class UniformIntegratorProvider implements GradientIntegratorProvider {

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public UniformIntegratorProvider() {}

    /** {@inheritDoc} */
    @Override
    public String name() {
        return UniformIntegrator.NAME;
    }

    /** {@inheritDoc} */
    @Override
    public String description() {
        return "plain sum of the objectives' gradients (no balancing)";
    }

    /** {@inheritDoc} */
    @Override
    public Config defaults() {
        return IntegratorDefaults.of(name());
    }

    /** {@inheritDoc} */
    @Override
    public GradientIntegrator create(Config config) {
        return new UniformIntegrator();
    }
}
