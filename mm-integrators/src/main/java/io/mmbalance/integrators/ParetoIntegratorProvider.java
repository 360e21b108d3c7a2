package io.mmbalance.integrators;

import com.typesafe.config.Config;

import io.mmbalance.api.integrate.GradientIntegrator;
import io.mmbalance.api.integrate.GradientIntegratorProvider;

/**
 * Provides {@code pareto}: conventional Pareto integration with min-norm (MGDA) weights, {@code h =
 * n * sum a_i g_i}, no rescaling. Options: {@code solver.max-iterations} and {@code
 * solver.tolerance} of the Frank-Wolfe solver used for more than two objectives.
 */
public final class ParetoIntegratorProvider implements GradientIntegratorProvider {

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public ParetoIntegratorProvider() {}

    /** {@inheritDoc} */
    @Override
    public String name() {
        return ParetoIntegrator.NAME;
    }

    /** {@inheritDoc} */
    @Override
    public String description() {
        return "conventional Pareto integration: min-norm (MGDA) weights, no rescaling";
    }

    /** {@inheritDoc} */
    @Override
    public Config defaults() {
        return IntegratorDefaults.of(name());
    }

    /** {@inheritDoc} */
    @Override
    public GradientIntegrator create(Config config) {
        SolverSettings settings = SolverSettings.from(config.withFallback(defaults()));
        return new ParetoIntegrator(settings.solver());
    }
}
