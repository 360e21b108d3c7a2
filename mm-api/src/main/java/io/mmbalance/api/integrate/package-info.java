/**
 * The gradient-integrator plugin point: given the gradients that several objectives send to one
 * shared parameter group, an integrator returns the single gradient to apply and diagnostics.
 */
package io.mmbalance.api.integrate;
