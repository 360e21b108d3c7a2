package io.mmbalance.core.train;

import io.mmbalance.api.integrate.IntegrationDiagnostics;
import java.util.List;

/**
 * What one training step did.
 *
 * @param losses the loss of each objective, in objective order
 * @param diagnostics the integrator's diagnostics per encoder group; an entry is null where the
 *     group was not integrated in this step (one objective, or the plain-sum shortcut)
 */
public record StepResult(double[] losses, List<IntegrationDiagnostics> diagnostics) {

    /**
     * Returns the sum of the objectives' losses.
     *
     * @return the total loss
     */
    public double total() {
        double sum = 0;
        for (double l : losses) {
            sum += l;
        }
        return sum;
    }

    /**
     * Returns whether a group was integrated and its step skipped for a non-finite gradient.
     *
     * @return true when some group skipped
     */
    public boolean skipped() {
        return diagnostics.stream().anyMatch(d -> d != null && d.skipped());
    }

    /**
     * Returns whether some group reached a Pareto-stationary point.
     *
     * @return true when some group is stationary
     */
    public boolean stationary() {
        return diagnostics.stream().anyMatch(d -> d != null && d.stationary());
    }
}
