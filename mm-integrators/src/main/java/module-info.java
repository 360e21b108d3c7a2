/**
 * Gradient integrators: the plain sum, conventional Pareto (MGDA) and MMPareto.
 *
 * <p>The module exports nothing; its integrators are reached through {@link
 * io.mmbalance.api.ProviderRegistry#integrators()} by the names {@code uniform}, {@code pareto},
 * {@code mmpareto} and {@code mmpareto-official}.
 */
module io.mmbalance.integrators {
    requires io.mmbalance.api;

    provides io.mmbalance.api.integrate.GradientIntegratorProvider with
            io.mmbalance.integrators.UniformIntegratorProvider,
            io.mmbalance.integrators.ParetoIntegratorProvider,
            io.mmbalance.integrators.MMParetoIntegratorProvider,
            io.mmbalance.integrators.MMParetoOfficialIntegratorProvider;
}
