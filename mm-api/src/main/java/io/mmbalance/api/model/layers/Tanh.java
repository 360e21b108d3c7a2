package io.mmbalance.api.model.layers;

import ai.djl.nn.Activation;

/** The hyperbolic tangent, elementwise (ONNX {@code Tanh}). */
public final class Tanh extends ElementwiseLayer {

    /** Creates the layer. */
    public Tanh() {
        super("Tanh", Activation::tanh);
    }
}
