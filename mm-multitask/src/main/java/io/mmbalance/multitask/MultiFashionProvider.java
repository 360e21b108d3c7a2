package io.mmbalance.multitask;

import java.util.List;

/** MultiFashion: MultiMNIST's construction from Fashion-MNIST images. */
public final class MultiFashionProvider extends MultiDigitProvider {

    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public MultiFashionProvider() {}

    @Override
    public String name() {
        return "multi-fashion";
    }

    @Override
    public String description() {
        return "two Fashion-MNIST items on a 36x36 canvas, right half noisy; tasks left and right";
    }

    @Override
    List<String> classes() {
        return List.of(
                "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt",
                "Sneaker", "Bag", "Ankle boot");
    }
}
