package io.mmbalance.datasets;

import java.util.List;

/**
 * Provides {@code fashion-mnist}: 28x28 gray images of 10 clothing classes, one modality
 * "image".
 *
 * <p>Reads the same four IDX file names as MNIST from the folder {@code
 * mm.datasets.fashion-mnist.dir} (default {@code fashion-mnist}) under the data root.
 */
public final class FashionMnistProvider extends IdxImageProvider {

    /** The name by which configuration selects this dataset. */
    public static final String NAME = "fashion-mnist";

    static final List<String> CLASSES =
            List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt",
                    "Sneaker", "Bag", "Ankle boot");

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public FashionMnistProvider() {
        super(NAME, "Fashion-MNIST clothing images, one gray image modality (1x28x28)", CLASSES);
    }
}
