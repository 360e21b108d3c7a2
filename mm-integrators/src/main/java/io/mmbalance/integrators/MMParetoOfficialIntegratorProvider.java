package io.mmbalance.integrators;

/**
 * Provides {@code mmpareto-official}: MMPareto as the authors' released code runs it. It takes the
 * same options as {@code mmpareto} with other defaults: {@code strict-threshold}, {@code
 * per-tensor} and {@code upward-only} on, and {@code gamma = 1.5}.
 */
public final class MMParetoOfficialIntegratorProvider extends MMParetoFamilyProvider {

    /** The name that selects this integrator. */
    static final String NAME = "mmpareto-official";

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public MMParetoOfficialIntegratorProvider() {
        super(NAME, "MMPareto as the official code runs it: cos <= 0, per tensor, upward only, x1.5");
    }
}
