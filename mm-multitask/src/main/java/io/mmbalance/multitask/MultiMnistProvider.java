package io.mmbalance.multitask;

import java.util.List;

/** MultiMNIST: two MNIST digits of different classes on one noisy canvas; tasks left, right. */
public final class MultiMnistProvider extends MultiDigitProvider {

    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public MultiMnistProvider() {}

    @Override
    public String name() {
        return "multi-mnist";
    }

    @Override
    public String description() {
        return "two MNIST digits on a 36x36 canvas, right half noisy; tasks left and right";
    }

    @Override
    List<String> classes() {
        return List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    }
}
