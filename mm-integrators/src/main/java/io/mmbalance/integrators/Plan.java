package io.mmbalance.integrators;

import java.util.Arrays;

/**
 * How an integrator combines the gradients of one call, decided from the Gram matrices alone.
 *
 * @param kind whether the result is the plain sum, a weighted sum or zero
 * @param coefficients for {@link Kind#WEIGHTED}, the coefficient c_i of each objective on each
 *     tensor ({@code [tensor][objective]}); the result on tensor t is {@code sum_i c_i g_i,t}
 * @param weights the weights a_i reported in the diagnostics
 * @param scale the rescale factor reported in the diagnostics
 * @param conflict whether a pair of inputs conflicts
 * @param stationary whether the min-norm element is zero
 * @param converged whether the min-norm solver met its tolerance
 * @param iterations the solver iterations used
 */
record Plan(
        Kind kind,
        double[][] coefficients,
        double[] weights,
        double scale,
        boolean conflict,
        boolean stationary,
        boolean converged,
        int iterations) {

    /** The shape of the result. */
    enum Kind {
        /** The plain sum {@code g_1 + ... + g_n}, in objective order. */
        SUM,
        /** A weighted sum with per-tensor coefficients. */
        WEIGHTED,
        /** Zeros of the inputs' shapes. */
        ZERO
    }

    /**
     * Returns a plan for the plain sum.
     *
     * @param weights the weights to report
     * @param conflict whether a pair of inputs conflicts
     * @return the plan
     */
    static Plan sum(double[] weights, boolean conflict) {
        return new Plan(Kind.SUM, null, weights, 1, conflict, false, true, 0);
    }

    /**
     * Returns a plan for a zero result at a Pareto-stationary point.
     *
     * @param weights the weights to report
     * @param conflict whether a pair of inputs conflicts
     * @param converged whether the solver converged
     * @param iterations the solver iterations used
     * @return the plan
     */
    static Plan stationary(double[] weights, boolean conflict, boolean converged, int iterations) {
        return new Plan(Kind.ZERO, null, weights, 0, conflict, true, converged, iterations);
    }

    /**
     * Returns the squared norm of the result this plan produces.
     *
     * @param gram the Gram matrices of the inputs
     * @return the squared norm
     */
    double squaredResultNorm(Gram gram) {
        switch (kind) {
            case ZERO:
                return 0;
            case SUM:
                double[] ones = new double[gram.objectives()];
                Arrays.fill(ones, 1);
                return gram.quadratic(ones);
            default:
                double sum = 0;
                for (int t = 0; t < gram.tensors(); t++) {
                    sum += gram.quadratic(t, coefficients[t]);
                }
                return sum;
        }
    }
}
