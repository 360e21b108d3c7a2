package io.mmbalance.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.HashMap;
import java.util.Map;

/**
 * Stochastic gradient descent with momentum and L2 weight decay, in the form PyTorch uses:
 * {@code d = g + wd * w; v = mu * v + d; w = w - lr * v}.
 *
 * <p>Updates run in place on the parameter arrays and must be called outside a gradient
 * collector.
 */
public final class SgdMomentum {

    private final NDManager manager;
    private final double momentum;
    private final double weightDecay;
    private final Map<String, NDArray> velocity = new HashMap<>();

    /**
     * Creates the optimiser.
     *
     * @param manager the manager that owns the momentum buffers
     * @param momentum the momentum mu
     * @param weightDecay the weight decay wd
     */
    public SgdMomentum(NDManager manager, double momentum, double weightDecay) {
        this.manager = manager;
        this.momentum = momentum;
        this.weightDecay = weightDecay;
    }

    /**
     * Applies one update to a parameter.
     *
     * @param parameter the parameter
     * @param gradient its gradient for this step
     * @param learningRate the learning rate
     */
    public void update(Parameter parameter, NDArray gradient, double learningRate) {
        NDArray w = parameter.getArray();
        NDArray d = gradient;
        if (weightDecay != 0) {
            // w.mul(...) belongs to the parameter's long-lived manager: close it at once
            try (NDArray decay = w.mul((float) weightDecay)) {
                d = gradient.add(decay);
            }
        }
        NDArray v = velocity.get(parameter.getId());
        if (v == null) {
            v = d.duplicate();
            v.attach(manager);
            velocity.put(parameter.getId(), v);
        } else {
            v.muli((float) momentum).addi(d);
        }
        NDArray step = v.mul((float) learningRate);
        w.subi(step);
        step.close();
        if (d != gradient) {
            d.close();
        }
    }
}
