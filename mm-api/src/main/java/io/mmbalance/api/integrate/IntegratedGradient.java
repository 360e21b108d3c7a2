package io.mmbalance.api.integrate;

import ai.djl.ndarray.NDArray;
import java.util.List;

/**
 * The result of integrating one parameter group: the gradient to apply and what the integrator
 * saw.
 *
 * @param tensors the gradient to apply, one array per tensor of the group
 * @param diagnostics weights, cosines, norms and flags of this call
 */
public record IntegratedGradient(List<NDArray> tensors, IntegrationDiagnostics diagnostics) {}
