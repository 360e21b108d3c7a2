package io.mmbalance.integrators;

import com.typesafe.config.Config;

import io.mmbalance.api.integrate.GradientIntegrator;
import io.mmbalance.api.integrate.GradientIntegratorProvider;

/**
 * Provides {@code mmpareto-official}: MMPareto as the authors' released code runs it. It takes the
 * same options as {@code mmpareto} with other defaults: {@code strict-threshold}, {@code
 * per-tensor} and {@code upward-only} on, and {@code gamma = 1.5}.
 */
public final class MMParetoOfficialIntegratorProvider implements GradientIntegratorProvider {

    /** The name that selects this integrator. */
    static final String NAME = "mmpareto-official";

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public MMParetoOfficialIntegratorProvider() {}

    /** {@inheritDoc} */
    @Override
    public String name() {
        return NAME;
    }

    /** {@inheritDoc} */
    @Override
    public String description() {
        return "MMPareto as the official code runs it: cos <= 0, per tensor, upward only, x1.5";
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
