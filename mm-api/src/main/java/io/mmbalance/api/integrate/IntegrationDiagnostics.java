package io.mmbalance.api.integrate;

/**
 * What an integrator saw and did for one parameter group in one step.
 *
 * @param group the parameter group's name
 * @param weights the weight a_i of each objective (summing to 1 for min-norm integrators; 1 each
 *     for the plain sum)
 * @param cosines the pairwise cosines of the input gradients (0 where either is zero)
 * @param inputNorms the Euclidean norm of each input gradient
 * @param resultNorm the norm of the returned gradient
 * @param scale the factor applied to the weighted combination to restore its magnitude (1 when
 *     none was applied)
 * @param conflict whether some pair of inputs had a cosine below the integrator's threshold
 * @param stationary whether the min-norm element was zero (a Pareto-stationary point)
 * @param converged whether the min-norm solver met its tolerance
 * @param iterations the solver iterations used (0 for closed forms)
 * @param skipped whether the step was skipped because of a non-finite input
 */
public record IntegrationDiagnostics(
        String group,
        double[] weights,
        double[][] cosines,
        double[] inputNorms,
        double resultNorm,
        double scale,
        boolean conflict,
        boolean stationary,
        boolean converged,
        int iterations,
        boolean skipped) {

    /**
     * Returns the cosine between the first two objectives, or NaN with fewer than two.
     *
     * @return the cosine of objectives 0 and 1
     */
    public double cosine() {
        return cosines.length < 2 ? Double.NaN : cosines[0][1];
    }
}
