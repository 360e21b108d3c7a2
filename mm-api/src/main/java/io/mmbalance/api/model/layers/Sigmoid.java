package io.mmbalance.api.model.layers;

import ai.djl.nn.Activation;

/** The logistic function, {@code 1 / (1 + exp(-x))} elementwise (ONNX {@code Sigmoid}). */
public final class Sigmoid extends ElementwiseLayer {

    /** Creates the layer. */
    public Sigmoid() {
        super("Sigmoid", Activation::sigmoid);
    }
}
