package io.mmbalance.integrators;

import java.util.Arrays;

/**
 * The plain sum {@code h = g_1 + ... + g_n}, with weight 1 for each objective and no rescaling.
 *
 * <p>The diagnostics still report norms, cosines and whether a pair conflicts (cosine below 0), so
 * that a run without balancing can be compared with one that balances.
 */
final class UniformIntegrator extends GramIntegrator {

    /** The name that selects this integrator. */
    static final String NAME = "uniform";

    UniformIntegrator() {
        super(NAME);
    }

    @Override
    Plan plan(Gram gram, Inputs inputs) {
        double[] weights = new double[gram.objectives()];
        Arrays.fill(weights, 1);
        return Plan.sum(weights, conflict(inputs, false));
    }
}
