package io.mmbalance.integrators;

import java.util.Arrays;

/**
 * MMPareto (Wei and Hu, ICML 2024, Algorithm 1), generalised to n objectives.
 *
 * <p>When no pair of non-zero gradients conflicts, the result is the plain sum, computed exactly as
 * {@code uniform} computes it, with weights 1/n. In a conflict the min-norm weights a of the
 * non-zero gradients give {@code h = k * sum_i a_i g_i} (k counts the non-zero gradients), which is
 * then rescaled to the norm of the plain sum {@code |sum_i g_i|}: over the whole group, or tensor
 * by tensor when {@code per-tensor} is set. With {@code upward-only} the factor is never below 1,
 * and {@code gamma} multiplies it. (Over the whole group the factor is at least 1 anyway: equal
 * weights are feasible, so {@code |k * sum_i a_i g_i| <= |sum_i g_i|}.)
 *
 * <p>When every input is zero, or the min-norm element is zero (up to {@link
 * GramIntegrator#STATIONARY_TOLERANCE}), the point is Pareto-stationary: the result is zero,
 * flagged in the diagnostics, with scale 0. In per-tensor mode a tensor on which the weighted
 * combination is zero up to the same tolerance (relative to that tensor's longest input) stays zero
 * instead of being scaled up.
 *
 * <p>The reported scale is the factor applied to the weighted combination; in per-tensor mode it is
 * the overall factor {@code |h| / |k * sum_i a_i g_i|}.
 */
final class MMParetoIntegrator extends GramIntegrator {

    private final MMParetoSettings settings;
    private final MinNormSolver solver;

    MMParetoIntegrator(String name, MMParetoSettings settings) {
        super(name);
        this.settings = settings;
        this.solver = settings.solver().solver();
    }

    /**
     * Returns the options this integrator was created with.
     *
     * @return the settings
     */
    MMParetoSettings settings() {
        return settings;
    }

    @Override
    Plan plan(Gram gram, Inputs inputs) {
        if (inputs.active().length == 0) {
            return Plan.stationary(equalWeights(inputs), false, true, 0);
        }
        if (!conflict(inputs, settings.strictThreshold())) {
            return Plan.sum(equalWeights(inputs), false);
        }
        int[] active = inputs.active();
        MinNormSolver.Solution solution = solver.solve(gram.total(), active);
        if (stationary(solution, inputs)) {
            return Plan.stationary(
                    solution.weights(), true, solution.converged(), solution.iterations());
        }
        int n = gram.objectives();
        double[] base = solution.weights().clone();
        for (int i = 0; i < n; i++) {
            base[i] *= active.length;
        }
        double[] ones = new double[n];
        Arrays.fill(ones, 1);
        double[][] coefficients;
        double scale;
        if (settings.perTensor()) {
            coefficients = new double[gram.tensors()][];
            double before = 0;
            double after = 0;
            for (int t = 0; t < gram.tensors(); t++) {
                double combined = gram.quadratic(t, base);
                double longest = 0;
                for (int i : active) {
                    longest = Math.max(longest, gram.squaredNorm(t, i));
                }
                double limit = STATIONARY_TOLERANCE * STATIONARY_TOLERANCE * longest;
                double s = combined > limit ? factor(gram.quadratic(t, ones), combined) : 0;
                coefficients[t] = times(base, s);
                before += combined;
                after += s * s * combined;
            }
            scale = Math.sqrt(after / before);
        } else {
            scale = factor(gram.quadratic(ones), gram.quadratic(base));
            coefficients = everyTensor(gram, times(base, scale));
        }
        return new Plan(
                Plan.Kind.WEIGHTED,
                coefficients,
                solution.weights(),
                scale,
                true,
                false,
                solution.converged(),
                solution.iterations());
    }

    /** Returns the factor that takes a squared norm {@code combined} to {@code target}. */
    private double factor(double target, double combined) {
        double ratio = Math.sqrt(target / combined);
        if (settings.upwardOnly()) {
            ratio = Math.max(1, ratio);
        }
        return ratio * settings.gamma();
    }

    private static double[] times(double[] c, double s) {
        double[] out = new double[c.length];
        for (int i = 0; i < c.length; i++) {
            out[i] = c[i] * s;
        }
        return out;
    }
}
