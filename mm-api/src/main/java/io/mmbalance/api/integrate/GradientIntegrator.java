package io.mmbalance.api.integrate;

/**
 * Integrates the gradients that several objectives send to one shared parameter group (one
 * encoder) into one gradient to apply.
 *
 * <p>An integrator is pure math on gradient tensors: it knows nothing of models, losses or a
 * particular engine beyond DJL's {@link ai.djl.ndarray.NDArray}. Implementations are stateless
 * between calls and safe to call from one thread at a time.
 */
public interface GradientIntegrator {

    /**
     * Returns the name of the integrator, as configuration selects it.
     *
     * @return the name
     */
    String name();

    /**
     * Integrates the gradients of one parameter group.
     *
     * @param gradients the gradient of each objective, tensor by tensor
     * @return the gradient to apply, one array per tensor in the group's order, attached to the
     *     manager of the first input tensor, with diagnostics
     * @throws NonFiniteGradientException when an input holds NaN or infinity and the request does
     *     not ask to skip such steps
     */
    IntegratedGradient integrate(GradientSet gradients);
}
