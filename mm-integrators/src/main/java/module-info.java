/** Gradient integrators: the plain sum, conventional Pareto (MGDA) and MMPareto. */
module io.mmbalance.integrators {
    requires io.mmbalance.api;
}
