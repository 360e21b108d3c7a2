package io.mmbalance.api.model.layers;

import ai.djl.nn.Activation;

/** The rectified linear unit, {@code max(x, 0)} elementwise (ONNX {@code Relu}). */
public final class Relu extends ElementwiseLayer {

    /** Creates the layer. */
    public Relu() {
        super("Relu", Activation::relu);
    }
}
