package io.mmbalance.integrators;

/**
 * Provides {@code mmpareto}: MMPareto as Algorithm 1 of the paper states it, by default. Options:
 * {@code strict-threshold}, {@code per-tensor}, {@code upward-only}, {@code gamma} and the {@code
 * solver} block; see this module's {@code reference.conf}.
 */
public final class MMParetoIntegratorProvider extends MMParetoFamilyProvider {

    /** The name that selects this integrator. */
    static final String NAME = "mmpareto";

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public MMParetoIntegratorProvider() {
        super(NAME, "MMPareto (Algorithm 1): min-norm weights in a conflict, magnitude of the sum kept");
    }
}
