/**
 * Gradient integrators for one shared parameter group: the plain sum ({@code uniform}),
 * conventional Pareto integration by min-norm (MGDA) weights ({@code pareto}) and MMPareto ({@code
 * mmpareto}, with the preset {@code mmpareto-official}).
 *
 * <p>Every integrator first computes the Gram matrix of the objectives' gradients in double
 * precision with engine operations, one small matrix per parameter tensor. Norms, cosines, the
 * min-norm weights and the rescale factors then follow from these matrices without touching the
 * gradients again; the gradients are read a second time only to form the weighted sum.
 *
 * <p>A gradient that is exactly zero over the whole group (an objective that does not reach the
 * group) takes no part in the min-norm problem: it gets weight 0, and the factor n in {@code n *
 * sum a_i g_i} counts only the objectives with a non-zero gradient. One zero gradient beside g
 * therefore gives g, and all zero gives zero.
 */
package io.mmbalance.integrators;
