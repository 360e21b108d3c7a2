package io.mmbalance.integrators;

import com.typesafe.config.Config;

import io.mmbalance.api.integrate.GradientIntegrator;
import io.mmbalance.api.integrate.GradientIntegratorProvider;

/**
 * Provides {@code mmpareto}: MMPareto as Algorithm 1 of the paper states it, by default. Options:
 * {@code strict-threshold}, {@code per-tensor}, {@code upward-only}, {@code gamma} and the {@code
 * solver} block; see this module's {@code reference.conf}.
 */
public final class MMParetoIntegratorProvider implements GradientIntegratorProvider {

    /** The name that selects this integrator. */
    static final String NAME = "mmpareto";

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public MMParetoIntegratorProvider() {}

    /** {@inheritDoc} */
    @Override
    public String name() {
        return NAME;
    }

    /** {@inheritDoc} */
    @Override
    public String description() {
        return "MMPareto (Algorithm 1): min-norm weights in a conflict, magnitude of the sum kept";
    }

    /** {@inheritDoc} */
    @Override
    public Config defaults() {
        return IntegratorDefaults.of(name());
    }

    /** {@inheritDoc} */
    @Override
    public GradientIntegrator create(Config config) {
        return new MMParetoIntegrator(NAME, MMParetoSettings.from(config.withFallback(defaults())));
    }
}
