package io.mmbalance.integrators;

/**
 * Conventional Pareto integration (MGDA, Sener and Koltun 2018): the min-norm weights a of the
 * non-zero gradients and {@code h = k * sum_i a_i g_i}, where k counts the non-zero gradients; no
 * rescaling. With two objectives k = 2, as in {@code h = 2 a_m g_m + 2 a_u g_u}.
 *
 * <p>When the min-norm element is zero (up to {@link GramIntegrator#STATIONARY_TOLERANCE}) the
 * point is Pareto-stationary: the result is zero, flagged in the diagnostics, with scale 0.
 */
final class ParetoIntegrator extends GramIntegrator {

    /** The name that selects this integrator. */
    static final String NAME = "pareto";

    private final MinNormSolver solver;

    ParetoIntegrator(MinNormSolver solver) {
        super(NAME);
        this.solver = solver;
    }

    @Override
    Plan plan(Gram gram, Inputs inputs) {
        boolean conflict = conflict(inputs, false);
        int[] active = inputs.active();
        if (active.length == 0) {
            return Plan.stationary(equalWeights(inputs), false, true, 0);
        }
        MinNormSolver.Solution solution = solver.solve(gram.total(), active);
        if (stationary(solution, inputs)) {
            return Plan.stationary(
                    solution.weights(), conflict, solution.converged(), solution.iterations());
        }
        double[] c = solution.weights().clone();
        for (int i = 0; i < c.length; i++) {
            c[i] *= active.length;
        }
        return new Plan(
                Plan.Kind.WEIGHTED,
                everyTensor(gram, c),
                solution.weights(),
                1,
                conflict,
                false,
                solution.converged(),
                solution.iterations());
    }
}
