package io.mmbalance.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * The engine-specific calls of the training step, kept in one place: a vector-Jacobian product
 * through a retained graph, and zeroing a parameter's gradient in place.
 *
 * <p>Works with DJL's PyTorch engine only; other engines raise {@link IllegalStateException}.
 */
final class TorchGradients {

    private TorchGradients() {}

    /**
     * Accumulates {@code grad^T * d(output)/d(parameters)} into the gradients of every leaf that
     * {@code output} depends on.
     *
     * @param output an array produced under a gradient collector
     * @param grad the gradient with respect to {@code output}, same shape
     * @param keepGraph whether to keep the graph for another product
     */
    static void vectorJacobian(NDArray output, NDArray grad, boolean keepGraph) {
        JniUtils.backward(pt(output), pt(grad), keepGraph, false);
    }

    /**
     * Sets a parameter's accumulated gradient to zero in place (NaN-safe).
     *
     * @param parameter the parameter array
     */
    static void zeroGradient(NDArray parameter) {
        JniUtils.zeroGrad(pt(parameter));
    }

    private static PtNDArray pt(NDArray array) {
        if (array instanceof PtNDArray p) {
            return p;
        }
        throw new IllegalStateException(
                "separate per-objective gradients need the PyTorch engine; got an array of "
                        + array.getManager().getEngine().getEngineName());
    }
}
